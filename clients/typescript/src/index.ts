// Typed clients of the three services: openapi-fetch over the types openapi-typescript generates from
// contracts/openapi/*.json (`npm run generate`). One client per service, each sending the caller's bearer token.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type * as AssessmentApi from "./generated/assessment.js";
import type * as PartnershipApi from "./generated/partnership.js";
import type * as ReportingApi from "./generated/reporting.js";

export type { AssessmentApi, PartnershipApi, ReportingApi };

/** The named schemas of each service, e.g. `PartnershipSchemas["Partnership"]`. */
export type PartnershipSchemas = PartnershipApi.components["schemas"];
export type AssessmentSchemas = AssessmentApi.components["schemas"];
export type ReportingSchemas = ReportingApi.components["schemas"];

/** application/problem+json (RFC 9457), the same in every service. */
export type Problem = PartnershipSchemas["Problem"];

export type PartnershipClient = Client<PartnershipApi.paths>;
export type AssessmentClient = Client<AssessmentApi.paths>;
export type ReportingClient = Client<ReportingApi.paths>;

export interface PulseClients {
  readonly partnership: PartnershipClient;
  readonly assessment: AssessmentClient;
  readonly reporting: ReportingClient;
}

/** Where the services are, e.g. http://127.0.0.1:8081, :8082 and :8083 on a laptop. */
export interface PulseUrls {
  readonly partnership: string;
  readonly assessment: string;
  readonly reporting: string;
}

/** Gives the current access token (an SPA: its OIDC library's; a script: `passwordGrant`). */
export type TokenSource = () => string | Promise<string>;

/** Adds `Authorization: Bearer <token>` to every request. */
export function bearer(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await token()}`);
      return request;
    },
  };
}

/** The three clients of one signed-in user. */
export function pulseClients(urls: PulseUrls, token: TokenSource): PulseClients {
  const auth = bearer(token);
  const partnership = createClient<PartnershipApi.paths>({ baseUrl: urls.partnership });
  const assessment = createClient<AssessmentApi.paths>({ baseUrl: urls.assessment });
  const reporting = createClient<ReportingApi.paths>({ baseUrl: urls.reporting });
  partnership.use(auth);
  assessment.use(auth);
  reporting.use(auth);
  return { partnership, assessment, reporting };
}

export { ApiError, etagOf, ok, succeeded } from "./results.js";
export { passwordGrant, type Credentials, type TokenResponse } from "./keycloak.js";
