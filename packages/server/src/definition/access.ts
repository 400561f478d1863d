import type { ToolAnnotations } from "@modelcontextprotocol/server";

/** How much a tool may change the world: the trust level everything else derives from. */
export type AccessLevel = "read" | "write" | "destructive";

/** The scope levels a server grants; each access level needs one of them. */
export type ScopeLevel = "read" | "write" | "admin";

export interface AccessRule {
  /** The scope level a caller needs for a tool of this access level (challenges name it). */
  scope: ScopeLevel;
  /** Scope levels that satisfy it: a higher scope includes the lower ones. */
  acceptedScopes: readonly ScopeLevel[];
  /** A human approves every call before it runs; the call is recorded as an action. */
  approval: boolean;
  /** `plan` and `undo` only mean something for tools that change things. */
  mayPlanAndUndo: boolean;
  readOnlyHint: boolean;
  destructiveHint: boolean;
}

/** The one place the trust levels are defined: scope, approval and MCP annotations per access level. */
export const ACCESS_RULES: Readonly<Record<AccessLevel, AccessRule>> = {
  read: { scope: "read", acceptedScopes: ["read", "write", "admin"], approval: false, mayPlanAndUndo: false, readOnlyHint: true, destructiveHint: false },
  write: { scope: "write", acceptedScopes: ["write", "admin"], approval: true, mayPlanAndUndo: true, readOnlyHint: false, destructiveHint: false },
  destructive: { scope: "admin", acceptedScopes: ["admin"], approval: true, mayPlanAndUndo: true, readOnlyHint: false, destructiveHint: true },
};

export const ACCESS_LEVELS = Object.keys(ACCESS_RULES) as readonly AccessLevel[];

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
  const rule = ACCESS_RULES[access];
  return {
    ...(title === undefined ? {} : { title }),
    readOnlyHint: rule.readOnlyHint,
    destructiveHint: rule.destructiveHint,
    idempotentHint: rule.readOnlyHint || (hints.idempotent ?? false),
    openWorldHint: hints.openWorld ?? false,
  };
}
