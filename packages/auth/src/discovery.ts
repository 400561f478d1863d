import { AuthError } from "./auth-error.js";

const WELL_KNOWN = ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"];

/**
 * The issuer's `jwks_uri` from its metadata (RFC 8414, then OpenID Discovery), with the path of an
 * issuer URL inserted after the well-known prefix as RFC 8414 section 3.1 requires.
 */
export async function discoverJwksUri(issuer: string, timeoutMs = 5000): Promise<URL> {
  const url = new URL(issuer);
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  for (const wellKnown of WELL_KNOWN) {
    const candidate = new URL(`${wellKnown}${path}`, url.origin);
    const response = await fetch(candidate, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
    if (!response?.ok) continue;
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (metadata.issuer !== issuer) {
      const named = typeof metadata.issuer === "string" ? `the issuer ${metadata.issuer}` : "no issuer";
      throw new AuthError("issuer_unreachable", `Issuer metadata at ${candidate.href} names ${named}, not ${issuer}: the two must match exactly`);
    }
    if (typeof metadata.jwks_uri === "string") return new URL(metadata.jwks_uri);
  }
  throw new AuthError("issuer_unreachable", `No authorization server metadata with a jwks_uri found for ${issuer}`);
}
