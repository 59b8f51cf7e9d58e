// Connection settings from the environment, as the county's operator (or the system tests'
// KafkaAccess.nodeEnvironment) hands them over. Plaintext only when neither a SASL mechanism nor a CA is given.
import { readFileSync } from 'node:fs';

const MECHANISMS = new Set(['scram-sha-512', 'scram-sha-256', 'plain']);

export function kafkaConfig(env = process.env) {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) {
    throw new Error('KAFKA_BROKERS is not set (comma-separated host:port list, e.g. kafka.county.example:9093)');
  }
  const config = { clientId: env.KAFKA_CLIENT_ID || 'pulse-public-subscriber', brokers };

  const mechanism = (env.KAFKA_SASL_MECHANISM ?? '').trim().toLowerCase();
  if (mechanism) {
    if (!MECHANISMS.has(mechanism)) {
      throw new Error(`KAFKA_SASL_MECHANISM=${mechanism} is not supported (use scram-sha-512)`);
    }
    if (!env.KAFKA_USERNAME || !env.KAFKA_PASSWORD) {
      throw new Error(`KAFKA_SASL_MECHANISM=${mechanism} needs KAFKA_USERNAME and KAFKA_PASSWORD`);
    }
    config.sasl = { mechanism, username: env.KAFKA_USERNAME, password: env.KAFKA_PASSWORD };
  }

  // TLS whenever SASL is on (credentials never travel in clear) or a CA is given; the CA file pins the
  // county's own certificate authority, otherwise Node's default trust store applies.
  if (env.KAFKA_CA_FILE || mechanism) {
    const ssl = { rejectUnauthorized: true };
    if (env.KAFKA_CA_FILE) ssl.ca = [readFileSync(env.KAFKA_CA_FILE, 'utf8')];
    // mutual TLS, when the broker asks for a client certificate
    if (env.KAFKA_CERT_FILE) ssl.cert = readFileSync(env.KAFKA_CERT_FILE, 'utf8');
    if (env.KAFKA_KEY_FILE) ssl.key = readFileSync(env.KAFKA_KEY_FILE, 'utf8');
    config.ssl = ssl;
  }
  return config;
}

/** How the connection is secured, for the first line the subscriber prints (never the password). */
export function describe(config) {
  const transport = config.ssl ? 'TLS' : 'PLAINTEXT';
  const auth = config.sasl ? `SASL ${config.sasl.mechanism.toUpperCase()} as ${config.sasl.username}` : 'no authentication';
  return `${config.brokers.join(',')} over ${transport}, ${auth}`;
}
