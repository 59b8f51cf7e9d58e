// Validation against the committed event schemas (contracts/events/*.json, JSON Schema draft 2020-12): the
// envelope (cloudevent.json) and, by the event's type, <type>.json. The schemas of the public stream allow
// properties added later (the compatibility policy), so an event from a newer publisher still validates.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

/** contracts/events of this repository, unless PULSE_EVENT_SCHEMAS names another copy of the schemas. */
export function defaultSchemaDir(env = process.env) {
  if (env.PULSE_EVENT_SCHEMAS) return resolve(env.PULSE_EVENT_SCHEMAS);
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../contracts/events');
}

export class EventSchemas {
  constructor(dir = defaultSchemaDir()) {
    this.dir = dir;
    // strict: false — a schema may carry annotations this validator does not know (x-…); they do not validate
    this.ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.idByType = new Map();
    let envelopeId;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const id = schema.$id ?? file;
      this.ajv.addSchema(schema, id);
      if (file === 'cloudevent.json') envelopeId = id;
      else this.idByType.set(file.slice(0, -'.json'.length), id);
    }
    if (!envelopeId) throw new Error(`no cloudevent.json in ${dir}`);
    this.envelope = this.ajv.getSchema(envelopeId);
  }

  /** The event types of the public stream, as the committed schemas name them. */
  publicTypes() {
    return [...this.idByType.keys()].filter((t) => t.startsWith('org.partnershippulse.public.'));
  }

  /** [] when the event is valid against the envelope and its type's schema; otherwise readable errors. */
  validate(event) {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) {
      return ['the record value is not a JSON object'];
    }
    if (!this.envelope(event)) return describeErrors(this.envelope.errors, 'envelope');
    const id = this.idByType.get(event.type);
    if (!id) return [`no schema for type ${event.type} in ${this.dir}`];
    const validate = this.ajv.getSchema(id);
    return validate(event) ? [] : describeErrors(validate.errors, event.type);
  }
}

function describeErrors(errors, what) {
  return (errors ?? []).map((e) => `${what}: ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
}
