import {
  AuthError,
  bearerToken,
  createTokenVerifier,
  insufficientScopeChallenge,
  protectedResourceMetadata,
  resourceMetadataUrl,
  unauthorizedChallenge,
  type Principal,
  type ProtectedResourceMetadata,
  type TokenVerifier,
} from "@mcp-platform/auth";
import type { IncomingMessage } from "node:http";
import type { RuntimeConfig } from "../config.js";
import type { DecisionRecorder } from "../policy/decide.js";
import type { ScopePolicy } from "../policy/scopes.js";

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401 | 503; challenge: string; error: AuthError };

/**
 * The OAuth 2.1 resource-server side of `/mcp` (MCP authorization spec 2025-11-25): bearer token
 * in, principal or challenge out, and the RFC 9728 metadata clients discover the issuer from.
 */
export class HttpAuth {
  readonly metadata: ProtectedResourceMetadata;
  readonly metadataUrl: string;
  readonly #verifier: TokenVerifier;
  readonly #scopes: ScopePolicy;
  readonly #decisions: DecisionRecorder;

  constructor(config: RuntimeConfig, serverTitle: string, scopes: ScopePolicy, decisions: DecisionRecorder) {
    const audience = config.MCP_AUTH_AUDIENCE!;
    const issuer = config.MCP_AUTH_ISSUER!;
    this.#scopes = scopes;
    this.#decisions = decisions;
    this.metadataUrl = resourceMetadataUrl(audience);
    this.metadata = protectedResourceMetadata({ resource: audience, issuer, scopes: scopes.all, name: serverTitle });
    this.#verifier = createTokenVerifier({
      issuer,
      audience,
      ...(config.MCP_AUTH_JWKS_URL ? { jwksUrl: config.MCP_AUTH_JWKS_URL } : {}),
      ...(config.MCP_AUTH_INTROSPECTION_URL
        ? { introspection: { url: config.MCP_AUTH_INTROSPECTION_URL, clientId: config.MCP_AUTH_CLIENT_ID!, clientSecret: config.MCP_AUTH_CLIENT_SECRET! } }
        : {}),
    });
    void this.#verifier.warm().catch(() => undefined);
  }

  async authenticate(req: IncomingMessage): Promise<Authentication> {
    try {
      const principal = await this.#verifier.verify(bearerToken(req.headers.authorization));
      return { ok: true, principal };
    } catch (caught) {
      const error = caught instanceof AuthError ? caught : new AuthError("issuer_unreachable", "Token could not be checked");
      this.#decisions.record(undefined, { kind: "authentication", reason: error.reason });
      return { ok: false, status: error.status, error, challenge: unauthorizedChallenge(this.metadataUrl, this.#scopes.names.read, error) };
    }
  }

  insufficientScope(scope: string): string {
    return insufficientScopeChallenge(this.metadataUrl, scope);
  }
}
