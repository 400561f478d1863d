import { AuthError } from "./auth-error.js";
import { getIssuerDocument, IssuerUnreachable, type IssuerDocument } from "./issuer-document.js";

/**
 * Where an issuer's metadata may be, in the order MCP's authorization spec gives clients: RFC 8414
 * and OpenID Discovery with the issuer's path inserted after the well-known prefix, then OpenID
 * Discovery's own form with the path appended, which Keycloak (`/realms/<realm>`), Microsoft Entra ID,
 * Okta's custom authorization servers and Dex serve.
 */
function metadataUrls(issuer: string): URL[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, "");
  if (path === "") return [new URL("/.well-known/oauth-authorization-server", url.origin), new URL("/.well-known/openid-configuration", url.origin)];
  return [
    new URL(`/.well-known/oauth-authorization-server${path}`, url.origin),
    new URL(`/.well-known/openid-configuration${path}`, url.origin),
    new URL(`${path}/.well-known/openid-configuration`, url.origin),
  ];
}

/** The issuer's `jwks_uri` from the first of its metadata documents that answers. */
export async function discoverJwksUri(issuer: string, timeoutMs = 5000): Promise<URL> {
  // Each location and its answer; `why` may name internal addresses or TLS errors, so only the log gets it.
  const tried: { href: string; answer: string; why?: string }[] = [];
  for (const candidate of metadataUrls(issuer)) {
    let response: IssuerDocument;
    try {
      response = await getIssuerDocument(candidate, timeoutMs);
    } catch (error) {
      tried.push({ href: candidate.href, answer: "unreachable", why: error instanceof IssuerUnreachable ? error.why : String(error) });
      continue;
    }
    if (response.status !== 200) {
      tried.push({ href: candidate.href, answer: `HTTP ${response.status}` });
      continue;
    }
    const metadata = response.json as { issuer?: unknown; jwks_uri?: unknown } | undefined;
    if (typeof metadata !== "object" || metadata === null) {
      tried.push({ href: candidate.href, answer: "not a JSON object" });
      continue;
    }
    if (metadata.issuer !== issuer) {
      const named = typeof metadata.issuer === "string" ? `the issuer ${metadata.issuer}` : "no issuer";
      throw new AuthError("issuer_unreachable", `Issuer metadata at ${candidate.href} names ${named}, not ${issuer}: the two must match exactly`);
    }
    if (typeof metadata.jwks_uri === "string") return new URL(metadata.jwks_uri);
    tried.push({ href: candidate.href, answer: "no jwks_uri" });
  }
  const found = `No authorization server metadata with a jwks_uri found for ${issuer}: tried`;
  throw new AuthError(
    "issuer_unreachable",
    `${found} ${tried.map(({ href, answer }) => `${href} (${answer})`).join(", ")}`,
    `${found} ${tried.map(({ href, answer, why }) => `${href} (${why ? `${answer}: ${why}` : answer})`).join(", ")}`,
  );
}
