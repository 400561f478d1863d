import { jwtVerify, type JWTVerifyGetKey } from "jose/jwt/verify";
import { AuthError } from "./auth-error.js";
import { discoverJwksUri } from "./discovery.js";
import { introspect, type IntrospectionOptions } from "./introspection.js";
import { ISSUER_RETRY_MS, withLastKnownKeys, type KeysOutageEvent } from "./last-known-keys.js";
import { toAuthError } from "./jose-errors.js";
import type { Principal } from "./principal.js";
import { remoteKeySet, type RemoteKeySet } from "./remote-key-set.js";
import { clientIdOf, scopesOf } from "./scope-claims.js";
import { VerifiedTokenCache } from "./verified-token-cache.js";

/** Asymmetric algorithms only: `none` and HMAC (which a public key could be abused to "sign") never pass. */
export const DEFAULT_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

export interface TokenVerifierOptions {
  issuer: string;
  /** The server's canonical resource URL (RFC 8707): tokens must name it in `aud`. */
  audience: string;
  /** Else discovered from the issuer's metadata. */
  jwksUrl?: string;
  algorithms?: string[];
  clockToleranceSeconds?: number;
  /** Minimum seconds between JWKS refetches, which bounds fetches when tokens carry unknown `kid`s. */
  jwksCooldownSeconds?: number;
  /**
   * How long a fetched key set (and a token verified with it) is trusted before the issuer's keys
   * are read again: a key the issuer removed stops verifying within this time. Default 120.
   */
  jwksMaxAgeSeconds?: number;
  /**
   * How long the last keys fetched keep verifying tokens while the issuer cannot be reached to
   * refresh them, so an outage of the issuer is not one of this server too. Default 3600; 0 = not at all.
   */
  jwksOutageToleranceSeconds?: number;
  /** Told when the issuer's keys stop (and start again) being reachable. */
  onKeysOutage?: (event: KeysOutageEvent) => void;
  introspection?: IntrospectionOptions;
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
  /** The principal of a token verified recently and still trusted, without checking anything now. */
  known(token: string): Principal | undefined;
  /**
   * Discovers and fetches the issuer's keys now, so the first request does not wait for them. A
   * failure is not final: the first verification tries again.
   */
  warm(): Promise<void>;
}

const DEFAULT_JWKS_MAX_AGE_SECONDS = 120;
const DEFAULT_JWKS_OUTAGE_TOLERANCE_SECONDS = 3600;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const maxAgeSeconds = options.jwksMaxAgeSeconds ?? DEFAULT_JWKS_MAX_AGE_SECONDS;
  const cooldownSeconds = Math.min(options.jwksCooldownSeconds ?? 30, maxAgeSeconds);
  const cache = new VerifiedTokenCache(maxAgeSeconds);
  const toleranceMs = (options.jwksOutageToleranceSeconds ?? DEFAULT_JWKS_OUTAGE_TOLERANCE_SECONDS) * 1000;
  let keys: Promise<{ remote: RemoteKeySet; getKey: JWTVerifyGetKey }> | undefined;
  let discoveryFailedAt: number | undefined;
  const keySet = () => {
    // A failed discovery is not final, but is tried again every few seconds, not on every request.
    if (discoveryFailedAt !== undefined && Date.now() - discoveryFailedAt >= ISSUER_RETRY_MS) [keys, discoveryFailedAt] = [undefined, undefined];
    return (keys ??= (options.jwksUrl ? Promise.resolve(new URL(options.jwksUrl)) : discoverJwksUri(options.issuer)).then(
      (url) => {
        const remote = remoteKeySet(url, { maxAgeMs: maxAgeSeconds * 1000, cooldownMs: cooldownSeconds * 1000, timeoutMs: 5000 });
        return { remote, getKey: withLastKnownKeys(remote, toleranceMs, options.onKeysOutage ?? (() => undefined)) };
      },
      (error: unknown) => {
        discoveryFailedAt = Date.now();
        throw error;
      },
    ));
  };

  async function verifyUncached(token: string): Promise<Principal> {
    if (token.split(".").length !== 3) {
      if (options.introspection) return introspect(token, options.introspection, options);
      throw new AuthError("malformed_token", "Token is not a JWT");
    }
    const { payload } = await jwtVerify(token, (await keySet()).getKey, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: options.algorithms ?? DEFAULT_ALGORITHMS,
      clockTolerance: options.clockToleranceSeconds ?? 30,
      requiredClaims: ["exp", "sub"],
    });
    return {
      kind: "token",
      subject: payload.sub!,
      ...(clientIdOf(payload) ? { clientId: clientIdOf(payload)! } : {}),
      scopes: scopesOf(payload),
      expiresAt: payload.exp!,
    };
  }

  return {
    known: (token) => cache.get(token, Math.floor(Date.now() / 1000)),
    async warm() {
      if (!options.introspection) await (await keySet()).remote.reload();
    },
    async verify(token) {
      const cached = cache.get(token, Math.floor(Date.now() / 1000));
      if (cached) return cached;
      try {
        const principal = await verifyUncached(token);
        cache.set(token, principal, Math.floor(Date.now() / 1000));
        return principal;
      } catch (error) {
        throw toAuthError(error, options.audience, options.issuer);
      }
    },
  };
}
