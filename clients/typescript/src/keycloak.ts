// Tokens for scripts and tests: the OAuth2 password grant ("direct access") on the realm's public client. The local
// realm enables it for scripts only; a browser app signs in with authorization code + PKCE instead and hands its
// OIDC library's current token to `pulseClients`.
import type { TokenSource } from "./index.js";

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface TokenResponse {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

/**
 * Signs in with a username and password and returns a TokenSource that signs in again shortly before the token
 * expires (a walk through a whole round may outlive one token).
 */
export async function passwordGrant(issuer: string, clientId: string, credentials: Credentials): Promise<TokenSource> {
  let current = await requestToken(issuer, clientId, credentials);
  let expiresAt = Date.now() + current.expiresInSeconds * 1000;
  return async () => {
    if (Date.now() > expiresAt - 30_000) {
      current = await requestToken(issuer, clientId, credentials);
      expiresAt = Date.now() + current.expiresInSeconds * 1000;
    }
    return current.accessToken;
  };
}

async function requestToken(issuer: string, clientId: string, credentials: Credentials): Promise<TokenResponse> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      client_id: clientId,
      username: credentials.username,
      password: credentials.password,
    }),
  });
  const body: unknown = await response.json();
  if (!response.ok || typeof body !== "object" || body === null || !("access_token" in body)
      || typeof body.access_token !== "string") {
    throw new Error(`Keycloak refused to sign in ${credentials.username} at ${issuer} (HTTP ${response.status}): ${JSON.stringify(body)}`);
  }
  const expiresIn = "expires_in" in body && typeof body.expires_in === "number" ? body.expires_in : 60;
  return { accessToken: body.access_token, expiresInSeconds: expiresIn };
}
