import type { Principal } from "@mcp-platform/auth";
import type { ToolGate } from "../policy/tool-gate.js";
import type { ScopePolicy } from "../policy/scopes.js";

/**
 * The scope a request needs beyond what the principal has, if any: a `tools/call` of a tool above
 * the token's access level is answered at the HTTP layer with 403 `insufficient_scope`, so clients
 * can step up their authorization (MCP authorization spec, scope challenge handling).
 */
export function missingScope(messages: readonly unknown[], principal: Principal, gate: ToolGate, scopes: ScopePolicy): string | undefined {
  for (const message of messages) {
    const { method, params } = (message ?? {}) as { method?: unknown; params?: { name?: unknown } };
    if (method !== "tools/call" || typeof params?.name !== "string") continue;
    const access = gate.tool(params.name)?.access;
    if (access && !scopes.allows(principal, access)) return scopes.required(access);
  }
  return undefined;
}
