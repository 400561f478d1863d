import { JOSENotSupported, JWKSMultipleMatchingKeys, JWKSNoMatchingKey } from "jose/errors";
import type { JWTVerifyGetKey } from "jose/jwt/verify";
import { AuthError } from "./auth-error.js";
import type { RemoteKeySet } from "./remote-key-set.js";

/** How often an issuer that cannot be reached is asked again (its keys, or its metadata). */
export const ISSUER_RETRY_MS = 5000;

/** `used_last_known`: one token checked with the last keys fetched, during an outage. */
export type KeysOutageEvent =
  | { kind: "used_last_known" }
  | { kind: "started"; reason: string; lastKnownKeys: boolean }
  | { kind: "ended"; seconds: number }
  | { kind: "tolerance_exceeded"; seconds: number };

interface Outage {
  since: number;
  retryAt: number;
  lastKnown: JWTVerifyGetKey | undefined;
  exceeded: boolean;
}

/**
 * The issuer's keys, kept verifying from the last set fetched while the issuer cannot be reached to
 * refresh them, for up to `toleranceMs` of outage. Alone, jose refuses every token once its set is
 * older than its max age and a refresh fails, which turns a short outage of the issuer into an
 * outage of every server trusting it. A token whose key that set lacks is still refused. During an
 * outage the issuer is asked again every few seconds, not once per request, so servers coming back
 * do not flood it.
 */
export function withLastKnownKeys(remote: RemoteKeySet, toleranceMs: number, report: (event: KeysOutageEvent) => void): JWTVerifyGetKey {
  let outage: Outage | undefined;

  function fromLastKnown(current: Outage, now: number): JWTVerifyGetKey {
    if (current.lastKnown && now - current.since <= toleranceMs) {
      report({ kind: "used_last_known" });
      return current.lastKnown;
    }
    if (!current.exceeded && current.lastKnown) {
      current.exceeded = true;
      report({ kind: "tolerance_exceeded", seconds: Math.round((now - current.since) / 1000) });
    }
    // Not the token's fault: the caller is told to retry (503), not that the token is bad (401).
    throw new AuthError("issuer_unreachable", "The issuer's keys could not be fetched");
  }

  function ended(): void {
    if (outage) report({ kind: "ended", seconds: Math.round((Date.now() - outage.since) / 1000) });
    outage = undefined;
  }

  return async (header, token) => {
    const now = Date.now();
    if (outage && now < outage.retryAt) return fromLastKnown(outage, now)(header, token);
    try {
      const key = await remote.getKey(header, token);
      ended();
      return key;
    } catch (error) {
      // The token's fault, found in a set the issuer just served: it answers again.
      if (error instanceof JWKSNoMatchingKey || error instanceof JWKSMultipleMatchingKeys || error instanceof JOSENotSupported) {
        ended();
        throw error;
      }
      if (!outage) {
        outage = { since: now, retryAt: 0, lastKnown: toleranceMs > 0 ? remote.lastFetched() : undefined, exceeded: false };
        report({
          kind: "started",
          reason: error instanceof AuthError ? error.detail : (error as Error).message,
          lastKnownKeys: outage.lastKnown !== undefined,
        });
      }
      outage.retryAt = now + ISSUER_RETRY_MS;
      return fromLastKnown(outage, now)(header, token);
    }
  };
}
