#!/usr/bin/env node
// Partnership Pulse public event subscriber: reads pulse.public.v1 as its own principal, validates every event
// against the committed schemas and prints it; prints a round's results when they are released.
//
//   node src/subscriber.js                         follow the stream (consumer group KAFKA_GROUP_ID)
//   node src/subscriber.js --until-released <id>   read from the beginning until round <id>'s results arrive,
//                                                  then print a JSON summary line and exit 0 (2 on timeout)
//   node src/subscriber.js --probe-internal        show that this principal cannot read the internal topics nor
//                                                  use a group outside public-* (exit 0 only if all were refused)
import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import { kafkaConfig, describe } from './config.js';
import { EventSchemas } from './schemas.js';
import { eventLine, resultLines } from './print.js';

const { Kafka, logLevel } = kafkajs;

export const PUBLIC_TOPIC = 'pulse.public.v1';
export const INTERNAL_TOPICS = ['pulse.partnership.v1', 'pulse.assessment.v1'];
export const RESULTS_RELEASED = 'org.partnershippulse.public.round.results-released.v1';
// the subscriber principal may only use consumer groups with this prefix (Kafka ACL, prefixed pattern)
const GROUP_PREFIX = 'public-';

function parseArgs(argv) {
  const args = { mode: 'follow', timeoutMs: Number(process.env.PULSE_SUBSCRIBER_TIMEOUT_MS ?? 180000), graceMs: 3000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--until-released') { args.mode = 'until-released'; args.roundId = argv[++i]; }
    else if (a === '--probe-internal') args.mode = 'probe-internal';
    else if (a === '--timeout-ms') args.timeoutMs = Number(argv[++i]);
    else if (a === '--grace-ms') args.graceMs = Number(argv[++i]);
    else if (a === '--help' || a === '-h') args.mode = 'help';
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (args.mode === 'until-released' && !args.roundId) throw new Error('--until-released needs a round id');
  return args;
}

function groupId(mode) {
  const configured = process.env.KAFKA_GROUP_ID;
  // a run that stops by itself reads from the beginning in a group of its own, so it sees the whole stream
  const group = configured && mode === 'follow' ? configured
    : mode === 'follow' ? `${GROUP_PREFIX}event-subscriber` : `${GROUP_PREFIX}subscriber-${randomUUID()}`;
  if (!group.startsWith(GROUP_PREFIX)) {
    console.error(`warning: consumer group ${group} does not start with "${GROUP_PREFIX}"; the broker will refuse it`);
  }
  return group;
}

function newKafka(config, refusals) {
  const logging = refusals
    // kafkajs reports some refusals only in its debug log (a group refused at FindCoordinator surfaces as
    // "group coordinator not found"), so a probe listens there for the broker's authorization error codes
    ? { logLevel: logLevel.DEBUG, logCreator: () => ({ log }) => {
      const type = log.error?.type;
      if (typeof type === 'string' && type.endsWith('_AUTHORIZATION_FAILED')) refusals.push(type);
    } }
    : { logLevel: logLevel.NOTHING };
  return new Kafka({ ...config, ...logging, connectionTimeout: 10000, retry: { retries: 3 } });
}

async function consume(config, args) {
  const schemas = new EventSchemas();
  const kafka = newKafka(config);
  const consumer = kafka.consumer({ groupId: groupId(args.mode), retry: { retries: 3, restartOnFailure: async () => false } });
  const counts = {};
  const failures = [];
  const byPartnership = new Map(); // record key -> what was read under it, for the summary of the released round
  let read = 0;
  let released = null;
  const started = Date.now();
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  consumer.on(consumer.events.CRASH, ({ payload }) => finish({ crash: payload.error }));

  await consumer.connect();
  await consumer.subscribe({ topics: [PUBLIC_TOPIC], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      read++;
      let event;
      let errors;
      try {
        event = JSON.parse(message.value.toString('utf8'));
        errors = schemas.validate(event);
      } catch (e) {
        event = { type: '(not JSON)' };
        errors = [`not JSON: ${e.message}`];
      }
      const type = typeof event.type === 'string' ? event.type : '(no type)';
      counts[type] = (counts[type] ?? 0) + 1;
      if (errors.length) failures.push({ partition, offset: message.offset, type, id: event.id, errors });
      const key = message.key ? message.key.toString('utf8') : '';
      if (!byPartnership.has(key)) byPartnership.set(key, []);
      byPartnership.get(key).push({ type, id: event.id, roundId: event.data?.roundId, valid: errors.length === 0 });
      console.log(eventLine(event, errors));
      if (type === RESULTS_RELEASED && event.data) {
        for (const line of resultLines(event.data)) console.log(line);
        if (args.mode === 'until-released' && event.data.roundId === args.roundId) {
          released = { partition, offset: message.offset, id: event.id, key, partitionkey: event.partitionkey, data: event.data };
          // events of other publishers that raced this one to the partition still arrive within the grace period
          setTimeout(() => finish({}), args.graceMs);
        }
      }
    },
  });

  if (args.mode === 'follow') {
    console.error(`following ${PUBLIC_TOPIC}; Ctrl-C to stop`);
    await new Promise((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
    await consumer.disconnect();
    return 0;
  }
  const timer = setTimeout(() => finish({ timeout: true }), args.timeoutMs);
  const outcome = await done;
  clearTimeout(timer);
  await consumer.disconnect().catch(() => {});
  const summary = {
    roundId: args.roundId,
    released: released !== null,
    releasedEvent: released,
    eventsRead: read,
    countsByType: counts,
    validationFailures: failures.length,
    // every event read under the released round's partnership (the record key), in order
    partnership: released ? { id: released.partitionkey, events: byPartnership.get(released.key) ?? [] } : null,
    failures: failures.slice(0, 20),
    millis: Date.now() - started,
  };
  if (outcome.crash) summary.error = errorName(outcome.crash);
  if (outcome.timeout) summary.error = `timeout after ${args.timeoutMs} ms`;
  console.log(JSON.stringify(summary));
  return released ? 0 : 2;
}

/** The Kafka error code behind a kafkajs error (wrapped by retries or the consumer's crash), e.g. TOPIC_AUTHORIZATION_FAILED. */
export function errorName(error) {
  for (let e = error, depth = 0; e && depth < 6; e = e.cause ?? e.originalError, depth++) {
    if (e.type) return e.type;
    const m = /([A-Z_]+_AUTHORIZATION_FAILED)/.exec(e.message ?? '') ?? /(SASL[A-Za-z ]*failed)/i.exec(e.message ?? '');
    if (m) return m[1];
  }
  return error?.name ?? String(error);
}

/**
 * Tries to read a topic with a group: refused when the broker answers with an authorization error; read when a
 * record or the end of the (possibly empty) topic is reached without one.
 */
async function probe(config, topic, group, timeoutMs) {
  const refusals = [];
  const kafka = newKafka(config, refusals);
  const consumer = kafka.consumer({ groupId: group, retry: { retries: 1, restartOnFailure: async () => false } });
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  consumer.on(consumer.events.CRASH, ({ payload }) => finish({ error: payload.error }));
  consumer.on(consumer.events.GROUP_JOIN, () => setTimeout(() => finish({ joined: true }), 3000));
  const timer = setTimeout(() => finish({ timeout: true }), timeoutMs);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: async () => finish({ record: true }) });
  } catch (e) {
    finish({ error: e });
  }
  const outcome = await done;
  clearTimeout(timer);
  await consumer.disconnect().catch(() => {});
  const error = outcome.error ? (refusals[0] ?? errorName(outcome.error)) : null;
  const refused = error !== null && /AUTHORIZATION_FAILED/.test(error);
  return {
    topic, group, refused,
    error: error ?? undefined,
    outcome: refused ? 'refused' : outcome.record ? 'READ A RECORD' : outcome.joined ? 'JOINED THE GROUP' : outcome.timeout ? 'no answer' : 'failed otherwise',
  };
}

async function probeInternal(config, args) {
  const runId = randomUUID().slice(0, 8);
  const attempts = [
    // the internal topics, with a group the principal may use: refused by the topics' ACLs
    ...INTERNAL_TOPICS.map((topic) => [topic, `${GROUP_PREFIX}probe-${runId}`]),
    // the public topic with a group outside the principal's prefix: refused by the group ACL. (Never a service's
    // own group name: on a broker without ACLs the probe would join it and disturb that service.)
    [PUBLIC_TOPIC, `probe-${runId}`],
  ];
  const probes = [];
  for (const [topic, group] of attempts) {
    const result = await probe(config, topic, group, Math.min(args.timeoutMs, 30000));
    console.log(`probe ${topic} as group ${group}: ${result.outcome}${result.error ? ` (${result.error})` : ''}`);
    probes.push(result);
  }
  const refused = probes.filter((p) => p.refused).length;
  console.log(JSON.stringify({ probes, refused, of: probes.length }));
  return refused === probes.length ? 0 : 1;
}

const HELP = `Partnership Pulse public event subscriber
  environment: KAFKA_BROKERS, KAFKA_SASL_MECHANISM (scram-sha-512), KAFKA_USERNAME, KAFKA_PASSWORD, KAFKA_CA_FILE,
               KAFKA_GROUP_ID (public-…), PULSE_EVENT_SCHEMAS (default: the repository's contracts/events)
  --until-released <roundId>   exit once that round's results are read (JSON summary, exit 2 on --timeout-ms)
  --probe-internal             show that this principal is refused the internal topics`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'help') {
    console.log(HELP);
    return 0;
  }
  const config = kafkaConfig();
  console.error(`connecting to ${describe(config)}`);
  if (args.mode === 'probe-internal') return probeInternal(config, args);
  return consume(config, args);
}

main().then((code) => process.exit(code), (e) => {
  console.error(`error: ${errorName(e)}: ${e.message}`);
  process.exit(3);
});
