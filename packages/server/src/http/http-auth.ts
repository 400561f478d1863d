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
import type { Logger } from "pino";
import type { RuntimeConfig } from "../config.js";
import type { DecisionRecorder } from "../policy/decide.js";
import type { ScopePolicy } from "../policy/scopes.js";
import { reportKeysOutage } from "./keys-outage.js";
import { RateLimiter } from "./rate-limiter.js";

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401 | 503; challenge: string; error: AuthError }
  | { ok: false; status: 429; retryAfterSeconds: number };

/**
 * The OAuth 2.1 resource-server side of `/mcp` (MCP authorization spec 2025-11-25): bearer token
 * in, principal or challenge out, and the RFC 9728 metadata clients discover the issuer from.
 */
export class HttpAuth {
  readonly metadata: ProtectedResourceMetadata;
  readonly metadataUrl: string;
  /** Settles once the issuer's keys were fetched at start, or could not be. */
  readonly warmedUp: Promise<void>;
  readonly #verifier: TokenVerifier;
  readonly #scopes: ScopePolicy;
  readonly #decisions: DecisionRecorder;
  /** Failed authentications per client address: past the budget, its unknown tokens are not even checked. */
  readonly #failures: RateLimiter;

  constructor(config: RuntimeConfig, serverTitle: string, scopes: ScopePolicy, decisions: DecisionRecorder, logger: Logger) {
    const audience = config.MCP_AUTH_AUDIENCE!;
    const issuer = config.MCP_AUTH_ISSUER!;
    this.#scopes = scopes;
    this.#decisions = decisions;
    this.#failures = new RateLimiter(config.MCP_AUTH_FAILURES_PER_MINUTE);
    this.metadataUrl = resourceMetadataUrl(audience);
    this.metadata = protectedResourceMetadata({ resource: audience, issuer, scopes: scopes.all, name: serverTitle });
    this.#verifier = createTokenVerifier({
      issuer,
      audience,
      ...(config.MCP_AUTH_JWKS_URL ? { jwksUrl: config.MCP_AUTH_JWKS_URL } : {}),
      ...(config.MCP_AUTH_JWKS_MAX_AGE_SECONDS ? { jwksMaxAgeSeconds: config.MCP_AUTH_JWKS_MAX_AGE_SECONDS } : {}),
      ...(config.MCP_AUTH_JWKS_OUTAGE_SECONDS === undefined ? {} : { jwksOutageToleranceSeconds: config.MCP_AUTH_JWKS_OUTAGE_SECONDS }),
      onKeysOutage: (event) => reportKeysOutage(logger, issuer, event),
      ...(config.MCP_AUTH_INTROSPECTION_URL
        ? { introspection: { url: config.MCP_AUTH_INTROSPECTION_URL, clientId: config.MCP_AUTH_CLIENT_ID!, clientSecret: config.MCP_AUTH_CLIENT_SECRET! } }
        : {}),
    });
    const { pathname } = new URL(audience);
    if (pathname !== "/" && pathname.endsWith("/")) {
      logger.warn(
        { audience },
        `MCP_AUTH_AUDIENCE ends with a slash: MCP clients connecting to ${audience.replace(/\/+$/, "")} refuse a resource longer than the URL they use, and tokens issued for it do not verify; the canonical form has no trailing slash`,
      );
    }
    // Not fatal (every token check tries again), but an operator should hear of it now, not from the first 503.
    this.warmedUp = this.#verifier.warm().catch((error: unknown) => {
      logger.warn(
        { issuer, reason: error instanceof AuthError ? error.detail : (error as Error).message },
        "the issuer's keys could not be fetched at start; token checks will retry (MCP_AUTH_ISSUER, MCP_AUTH_JWKS_URL)",
      );
    });
  }

  /** `address`: the client's, which failed authentications are counted by and audited with. */
  async authenticate(req: IncomingMessage, address: string | undefined): Promise<Authentication> {
    const failureKey = address ?? "unknown";
    try {
      const token = bearerToken(req.headers.authorization);
      const known = this.#verifier.known(token);
      if (known) return { ok: true, principal: known };
      const wait = this.#failures.waitFor(failureKey);
      if (wait > 0) return { ok: false, status: 429, retryAfterSeconds: wait };
      return { ok: true, principal: await this.#verifier.verify(token) };
    } catch (caught) {
      const error = caught instanceof AuthError ? caught : new AuthError("issuer_unreachable", "Token could not be checked");
      // A bad token is the caller's failure; no token (how OAuth discovery starts) or an
      // unreachable issuer is not.
      if (error.status === 401 && error.reason !== "missing_token") this.#failures.take(failureKey);
      this.#decisions.record(undefined, {
        kind: "authentication",
        reason: error.reason,
        description: error.message,
        ...(address ? { clientAddress: address } : {}),
      });
      return { ok: false, status: error.status, error, challenge: unauthorizedChallenge(this.metadataUrl, this.#scopes.names.read, error) };
    }
  }

  insufficientScope(scope: string): string {
    return insufficientScopeChallenge(this.metadataUrl, scope);
  }
}
