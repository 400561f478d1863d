import { ALL_SCOPES, type Principal } from "@mcp-platform/auth";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import { userInfo } from "node:os";

/** The local user behind a stdio server: the process that spawned it is trusted with every scope. */
export const LOCAL_PRINCIPAL: Principal = { kind: "local", subject: `local:${safeUserName()}`, scopes: ALL_SCOPES };

/** Anyone, on a loopback HTTP server with `MCP_AUTH=off`. */
export const ANONYMOUS_PRINCIPAL: Principal = { kind: "anonymous", subject: "anonymous", scopes: ALL_SCOPES };

/**
 * The SDK carries per-request auth as `AuthInfo`; the kit passes its principal inside it and
 * withholds the token itself, so no handler can forward it to another service.
 */
export function authInfoFor(principal: Principal): AuthInfo {
  return {
    token: "[withheld]",
    clientId: principal.clientId ?? "",
    scopes: [...principal.scopes],
    ...(principal.expiresAt ? { expiresAt: principal.expiresAt } : {}),
    extra: { principal },
  };
}

export function principalOf(authInfo: AuthInfo | undefined, fallback: Principal): Principal {
  return (authInfo?.extra?.principal as Principal | undefined) ?? fallback;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
