import type { Principal } from "./principal.js";

/**
 * Verified tokens until they expire, so a client's repeated calls skip signature checks. Bounded:
 * the oldest entry goes first (Map keeps insertion order), and expired entries are never served.
 */
export class VerifiedTokenCache {
  readonly #entries = new Map<string, Principal>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  get(token: string, nowSeconds: number): Principal | undefined {
    const principal = this.#entries.get(token);
    if (principal && (principal.expiresAt ?? 0) > nowSeconds) return principal;
    if (principal) this.#entries.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal): void {
    if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, principal);
  }
}
