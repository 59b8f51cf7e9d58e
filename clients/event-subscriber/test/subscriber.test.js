// What a county developer relies on without a broker: how the environment becomes a connection, and what the
// validator accepts (additions) and refuses (a missing field, a bad format, an unknown type). Run: npm test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaConfig, describe } from '../src/config.js';
import { EventSchemas } from '../src/schemas.js';
import { eventLine, resultLines } from '../src/print.js';

const schemas = new EventSchemas(join(dirname(fileURLToPath(import.meta.url)), 'schemas'));
const closed = (data) => ({
  specversion: '1.0', id: '7d1e2f3a-4b5c-4d6e-8f70-819203a4b5c6', type: 'org.partnershippulse.public.round.closed.v1',
  time: '2026-12-03T10:40:11Z', data,
});

test('plaintext only when neither a SASL mechanism nor a CA is given', () => {
  const config = kafkaConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
  assert.deepEqual(config.brokers, ['127.0.0.1:9092']);
  assert.equal(config.ssl, undefined);
  assert.equal(config.sasl, undefined);
  assert.equal(describe(config), '127.0.0.1:9092 over PLAINTEXT, no authentication');
});

test('SCRAM-SHA-512 over TLS with the CA file, as KafkaAccess.nodeEnvironment gives it; the password is never printed', () => {
  const ca = join(mkdtempSync(join(tmpdir(), 'pulse-sub-')), 'ca.pem');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const config = kafkaConfig({ KAFKA_BROKERS: 'a:9093, b:9093', KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_USERNAME: 'public-subscriber', KAFKA_PASSWORD: 's3cret', KAFKA_CA_FILE: ca });
  assert.deepEqual(config.brokers, ['a:9093', 'b:9093']);
  assert.deepEqual(config.sasl, { mechanism: 'scram-sha-512', username: 'public-subscriber', password: 's3cret' });
  assert.equal(config.ssl.rejectUnauthorized, true);
  assert.match(config.ssl.ca[0], /BEGIN CERTIFICATE/);
  assert.equal(describe(config), 'a:9093,b:9093 over TLS, SASL SCRAM-SHA-512 as public-subscriber');
});

test('missing brokers or credentials are refused before connecting', () => {
  assert.throws(() => kafkaConfig({}), /KAFKA_BROKERS/);
  assert.throws(() => kafkaConfig({ KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'scram-sha-512' }), /KAFKA_USERNAME/);
  assert.throws(() => kafkaConfig({ KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_USERNAME: 'u', KAFKA_PASSWORD: 'p' }), /not supported/);
});

test('an event with properties added by a newer publisher validates', () => {
  const event = { ...closed({ roundId: '3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10', closedAt: '2026-12-03T10:40:11Z', closedEarly: true }), traceparent: 'x' };
  assert.deepEqual(schemas.validate(event), []);
});

test('a missing field, a bad format and an unknown type are reported', () => {
  assert.match(schemas.validate(closed({ closedAt: '2026-12-03T10:40:11Z' })).join(), /roundId/);
  assert.match(schemas.validate(closed({ roundId: 'not-a-uuid', closedAt: '2026-12-03T10:40:11Z' })).join(), /format "uuid"/);
  assert.match(schemas.validate({ ...closed({}), type: 'org.partnershippulse.public.round.vanished.v1' }).join(), /no schema/);
  assert.match(schemas.validate('text').join(), /not a JSON object/);
  assert.deepEqual(schemas.publicTypes(), ['org.partnershippulse.public.round.closed.v1']);
});

test('released results are printed section by section, unknown fields as they are', () => {
  const lines = resultLines({
    roundId: 'r1', partnershipId: 'p1', minimumGroupSize: 3, release: { number: 2, cutAt: '2026-12-03T10:40:12Z' },
    participation: { invited: 8, responded: 7, rate: 0.875, bySector: [{ group: 'EDUCATION', responded: 4 }], byRole: [] },
    sections: [{ key: 'trust', answers: 35, meanScore: 2.1142 }],
    items: [{ sectionKey: 'trust', itemKey: 'trust-1', responses: 7, distribution: [{ value: 'agree', count: 4 }, { value: 'no', count: 3 }], mean: 2.5714 }],
    newFigure: { x: 1 },
  });
  assert.equal(lines[0], 'RESULTS of round r1 (partnership p1), release 2 cut 2026-12-03T10:40:12Z, minimum group size 3');
  assert.ok(lines.includes('  responded 7 of 8 (88%)'));
  assert.ok(lines.includes('  bySector: EDUCATION 4'));
  assert.ok(lines.includes('  section trust: answers 35, meanScore 2.114'));
  assert.ok(lines.includes('    item trust-1: responses 7, distribution agree=4 no=3, mean 2.571'));
  assert.ok(lines.includes('  newFigure: {"x":1}'));
  assert.match(eventLine(closed({ roundId: 'r' }), ['bad']), /round\.closed\.v1 .*INVALID \(1\): bad/);
});
