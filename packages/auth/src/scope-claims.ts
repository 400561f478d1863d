import type { JWTPayload } from "jose";

/** Scopes from `scope` (RFC 8693/9068, space-separated) or `scp` (array or string, as some IdPs send). */
export function scopesOf(claims: JWTPayload): Set<string> {
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === "string") return new Set(raw.split(" ").filter(Boolean));
  if (Array.isArray(raw)) return new Set(raw.filter((s): s is string => typeof s === "string"));
  return new Set();
}

export function clientIdOf(claims: JWTPayload): string | undefined {
  const id = claims.client_id ?? claims.azp;
  return typeof id === "string" ? id : undefined;
}
