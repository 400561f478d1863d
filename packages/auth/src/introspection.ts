import { AuthError, wrongAudience, wrongIssuer } from "./auth-error.js";
import type { Principal } from "./principal.js";

export interface IntrospectionOptions {
  /** The authorization server's RFC 7662 endpoint. */
  url: string;
  clientId: string;
  clientSecret: string;
}

interface IntrospectionResponse {
  active?: boolean;
  scope?: string;
  sub?: string;
  client_id?: string;
  exp?: number;
  aud?: string | string[];
  iss?: string;
}

/** Checks an opaque token with RFC 7662 introspection; the same issuer/audience rules as for JWTs. */
export async function introspect(token: string, options: IntrospectionOptions, expected: { issuer: string; audience: string }): Promise<Principal> {
  const response = await fetch(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ token, token_type_hint: "access_token" }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  if (!response?.ok) throw new AuthError("issuer_unreachable", "Token introspection failed");
  const claims = (await response.json()) as IntrospectionResponse;
  if (claims.active !== true) throw new AuthError("inactive", "Token is not active");
  if (claims.iss !== undefined && claims.iss !== expected.issuer) throw wrongIssuer(expected.issuer, claims.iss);
  const audiences = typeof claims.aud === "string" ? [claims.aud] : (claims.aud ?? []);
  if (!audiences.includes(expected.audience)) throw wrongAudience(expected.audience);
  if (!claims.sub) throw new AuthError("invalid_claims", 'Token claim "sub" is missing');
  return {
    kind: "token",
    subject: claims.sub,
    ...(claims.client_id ? { clientId: claims.client_id } : {}),
    scopes: new Set((claims.scope ?? "").split(" ").filter(Boolean)),
    expiresAt: claims.exp ?? Math.floor(Date.now() / 1000) + 60,
  };
}
