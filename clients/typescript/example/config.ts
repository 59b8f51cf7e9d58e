// Where the system is and who signs in, from the environment (defaults: the local system of scripts/run.sh and its
// demo users, password = username).
import type { Credentials, PulseUrls } from "../src/index.js";

export interface MissionConfig {
  readonly urls: PulseUrls;
  /** The realm's URL (the tokens' issuer). */
  readonly issuer: string;
  /** The realm's public client; its password grant is enabled for local scripts and tests only. */
  readonly clientId: string;
  /** A platform administrator: founds the partnership and appoints its coordinator. */
  readonly admin: Credentials;
  readonly coordinator: Credentials;
  /** At least the round's minimum group size (3), or the report withholds every figure. */
  readonly members: readonly Credentials[];
  /** Makes the names of what the example creates unique. */
  readonly tag: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Environment): MissionConfig {
  const members = list(env, "PULSE_MEMBERS", "okafor:okafor,thompson:thompson,hughes:hughes");
  if (members.length < 3) {
    throw new Error("PULSE_MEMBERS needs at least 3 logins (username:password, comma-separated): "
      + "a report shows no figures for fewer respondents than the round's minimum group size");
  }
  return {
    urls: {
      partnership: value(env, "PULSE_PARTNERSHIP_URL", "http://127.0.0.1:8081"),
      assessment: value(env, "PULSE_ASSESSMENT_URL", "http://127.0.0.1:8082"),
      reporting: value(env, "PULSE_REPORTING_URL", "http://127.0.0.1:8083"),
    },
    issuer: value(env, "PULSE_OIDC_ISSUER", "http://127.0.0.1:8180/realms/partnership-pulse"),
    clientId: value(env, "PULSE_OIDC_CLIENT_ID", "pulse-frontend"),
    admin: credentials("PULSE_ADMIN", value(env, "PULSE_ADMIN", "admin:admin")),
    coordinator: credentials("PULSE_COORDINATOR", value(env, "PULSE_COORDINATOR", "chen:chen")),
    members: members.map((entry) => credentials("PULSE_MEMBERS", entry)),
    tag: value(env, "PULSE_EXAMPLE_TAG", new Date().toISOString().slice(0, 19)),
  };
}

function value(env: Environment, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v.trim() === "" ? fallback : v.trim();
}

function list(env: Environment, name: string, fallback: string): string[] {
  return value(env, name, fallback).split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/** "username:password" (the password may contain ':', not ','). */
function credentials(name: string, entry: string): Credentials {
  const colon = entry.indexOf(":");
  if (colon <= 0) {
    throw new Error(`${name}: expected username:password, got "${entry}"`);
  }
  return { username: entry.slice(0, colon), password: entry.slice(colon + 1) };
}
