import { JWKSNoMatchingKey } from "jose/errors";
import type { JSONWebKeySet } from "jose";
import { createLocalJWKSet } from "jose/jwks/local";
import type { JWTVerifyGetKey } from "jose/jwt/verify";
import { AuthError } from "./auth-error.js";
import { getIssuerDocument } from "./issuer-document.js";

export interface RemoteKeySetOptions {
  /** How long a fetched set is used before it is fetched again. */
  maxAgeMs: number;
  /** A token naming a key the set lacks fetches it again, but no sooner than this after the last fetch. */
  cooldownMs: number;
  timeoutMs: number;
}

export interface RemoteKeySet {
  /** For `jwtVerify`: the key a token names, from the issuer's current set. */
  getKey: JWTVerifyGetKey;
  /** Fetches the set now (one fetch at a time: callers meanwhile share it). */
  reload(): Promise<void>;
  /** Key lookup in the last set fetched, if any, with no fetch: what keeps verifying during an outage. */
  lastFetched(): JWTVerifyGetKey | undefined;
}

/** The issuer's JSON Web Key Set at `url`, fetched and kept as jose's `createRemoteJWKSet` would, without `fetch`. */
export function remoteKeySet(url: URL, options: RemoteKeySetOptions): RemoteKeySet {
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let last: JWTVerifyGetKey | undefined;
  let pending: Promise<void> | undefined;
  const freshFor = (ms: number) => Date.now() < fetchedAt + ms;

  async function fetchSet(): Promise<void> {
    const { status, json } = await getIssuerDocument(url, options.timeoutMs, "application/json, application/jwk-set+json");
    if (status !== 200) throw unreadable(`${url.href} answered HTTP ${status}`);
    try {
      last = createLocalJWKSet(json as JSONWebKeySet);
    } catch {
      throw unreadable(`${url.href} did not answer a JSON Web Key Set`);
    }
    fetchedAt = Date.now();
  }

  const reload = () => (pending ??= fetchSet().finally(() => (pending = undefined)));

  return {
    reload,
    lastFetched: () => last,
    async getKey(header, token) {
      if (!last || !freshFor(options.maxAgeMs)) await reload();
      try {
        return await last!(header, token);
      } catch (error) {
        if (!(error instanceof JWKSNoMatchingKey) || freshFor(options.cooldownMs)) throw error;
        await reload();
        return last!(header, token);
      }
    },
  };
}

function unreadable(why: string): AuthError {
  return new AuthError("issuer_unreachable", "The issuer's keys could not be fetched", `The issuer's keys could not be fetched: ${why}`);
}
