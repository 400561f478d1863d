import type { JWTPayload } from "jose";

/** Scopes from `scope` (RFC 8693/9068, space-separated) or `scp` (array or string, as some IdPs send). */
export function scopesOf(claims: JWTPayload): Set<string> {
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === "string") return new Set(raw.split(" ").filter(Boolean));
  if (Array.isArray(raw)) return new Set(raw.filter((s): s is string => typeof s === "string"));
  return new Set();
}

/** The client from RFC 9068's `client_id`, else `azp` (OpenID, Keycloak, Entra ID v2), Okta's `cid` or Entra ID v1's `appid`. */
export function clientIdOf(claims: JWTPayload): string | undefined {
  const id = claims.client_id ?? claims.azp ?? claims.cid ?? claims.appid;
  return typeof id === "string" ? id : undefined;
}
