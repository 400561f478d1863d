import type { CacheHint } from "@modelcontextprotocol/server";
import type { ServerDefinition } from "../definition/define.js";
import { isModernRequest } from "./envelope.js";
import type { ProtocolContext } from "./request-context.js";

/** The server's hint for its list results: no caching and private unless its definition says more. */
export function listCacheHint(definition: ServerDefinition): Required<CacheHint> {
  return { ttlMs: definition.cache?.ttlMs ?? 0, cacheScope: definition.cache?.cacheScope ?? "private" };
}

/** `ttlMs` and `cacheScope` for a cacheable result on 2026-07-28; 2025 results never carry them. */
export function cacheFields(ctx: ProtocolContext, hint: CacheHint): CacheHint {
  if (!isModernRequest(ctx)) return {};
  return { ttlMs: hint.ttlMs ?? 0, cacheScope: hint.cacheScope ?? "private" };
}
