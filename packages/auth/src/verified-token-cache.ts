import type { Principal } from "./principal.js";

interface Entry {
  principal: Principal;
  /** Epoch seconds after which the token is checked again: its expiry, or sooner (the key's age). */
  until: number;
}

/**
 * Verified tokens, so a client's repeated calls skip signature checks: until they expire, and no
 * longer than a key set is trusted (`maxAgeSeconds`), so a token signed with a key the issuer has
 * since removed stops passing then too. Bounded: the oldest entry goes first (Map keeps insertion
 * order), and stale entries are never served.
 */
export class VerifiedTokenCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxAgeSeconds: number;
  readonly #maxEntries: number;

  constructor(maxAgeSeconds: number, maxEntries = 10_000) {
    this.#maxAgeSeconds = maxAgeSeconds;
    this.#maxEntries = maxEntries;
  }

  get(token: string, nowSeconds: number): Principal | undefined {
    const entry = this.#entries.get(token);
    if (entry && entry.until > nowSeconds) return entry.principal;
    if (entry) this.#entries.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal, nowSeconds: number): void {
    if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, { principal, until: Math.min(principal.expiresAt ?? 0, nowSeconds + this.#maxAgeSeconds) });
  }
}
