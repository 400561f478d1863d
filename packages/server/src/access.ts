import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";

/** How much a tool may change the world: the trust level everything else derives from. */
export type AccessLevel = "read" | "write" | "destructive";

export const ACCESS_LEVELS: readonly AccessLevel[] = ["read", "write", "destructive"];

/** Hints a tool may state beyond its access level. */
export interface ToolHints {
  /** Calling again with the same arguments has no further effect (write/destructive tools only). */
  idempotent?: boolean;
  /** The tool reaches systems outside the company's closed set (the public web, third parties). */
  openWorld?: boolean;
}

/**
 * MCP annotations derived from the access level, so that `readOnlyHint` and `destructiveHint`
 * can never disagree with what the kit enforces. Read tools are idempotent by definition.
 */
export function annotationsFor(access: AccessLevel, hints: ToolHints = {}, title?: string): ToolAnnotations {
  return {
    ...(title === undefined ? {} : { title }),
    readOnlyHint: access === "read",
    destructiveHint: access === "destructive",
    idempotentHint: access === "read" ? true : (hints.idempotent ?? false),
    openWorldHint: hints.openWorld ?? false,
  };
}
