import type { CacheHint } from "@modelcontextprotocol/server";

export type { CacheHint };

/** Checked at definition time, so a bad hint stops the start instead of reaching a client. */
export function checkCacheHint(hint: CacheHint | undefined, where: string): void {
  if (hint?.ttlMs !== undefined && !(Number.isSafeInteger(hint.ttlMs) && hint.ttlMs >= 0)) {
    throw new Error(`${where}: cache.ttlMs must be a non-negative integer of milliseconds (got ${String(hint.ttlMs)})`);
  }
  if (hint?.cacheScope !== undefined && hint.cacheScope !== "public" && hint.cacheScope !== "private") {
    throw new Error(`${where}: cache.cacheScope must be "public" or "private" (got ${String(hint.cacheScope)})`);
  }
}
