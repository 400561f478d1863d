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
export function authInfoFor(principal: Principal, clientAddress?: string): AuthInfo {
  return {
    token: "[withheld]",
    clientId: principal.clientId ?? "",
    scopes: [...principal.scopes],
    ...(principal.expiresAt ? { expiresAt: principal.expiresAt } : {}),
    extra: { principal, clientAddress },
  };
}

/** The caller's address for this request: pooled servers serve many callers, so it travels with the request. */
export function clientAddressOf(authInfo: AuthInfo | undefined, fallback: string | undefined): string | undefined {
  return (authInfo?.extra?.clientAddress as string | undefined) ?? fallback;
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
