import { userInfo } from "node:os";
import type { Principal } from "@mcp-platform/auth";
import type { AuthInfo, CallToolResult } from "@modelcontextprotocol/server";
import type { ProtocolContext } from "./request-context.js";

/** The local user behind a stdio server: the process that spawned it is trusted with every scope. */
export const LOCAL_PRINCIPAL: Principal = { kind: "local", subject: `local:${safeUserName()}`, scopes: new Set() };

/** Anyone, on a loopback HTTP server with `MCP_AUTH=off`. */
export const ANONYMOUS_PRINCIPAL: Principal = { kind: "anonymous", subject: "anonymous", scopes: new Set() };

export type Headers = Record<string, string | string[] | undefined>;

/** What the kit knows of one request beyond what the protocol carries: who sent it, from where, how. */
export interface RequestScope {
  principal: Principal;
  /** The id the client chose (a multiplexed connection renumbers requests internally). */
  requestId?: string | number;
  clientAddress?: string;
  /** HTTP request headers: the ambient trace context, and the protocol version of 2025 requests. */
  headers?: Headers;
  /** A `tools/call` the fast path already ran (see `ToolCallFastPath`): the SDK only answers with its outcome. */
  settledCall?: Promise<CallToolResult>;
}

/** How requests reached a protocol server instance, and how a handler finds out who sent one. */
export interface Connection {
  transport: "pipe" | "tcp";
  /** The instance outlives one request (stdio, a stateful session): it gets unsolicited notifications. */
  longLived: boolean;
  scopeOf(ctx: ProtocolContext): RequestScope;
}

/** One caller for the connection's whole life: stdio's local user, or an in-memory test client. */
export function fixedPrincipalConnection(principal: Principal, longLived = true): Connection {
  const scope = { principal };
  return { transport: "pipe", longLived, scopeOf: () => scope };
}

/**
 * Requests the SDK's own HTTP handling serves (listen streams, `initialize`, sessions): the kit
 * hands its principal over inside the SDK's `AuthInfo` and withholds the token itself, so no
 * handler can forward it to another service.
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

export function authInfoConnection(longLived: boolean): Connection {
  return {
    transport: "tcp",
    longLived,
    scopeOf(ctx) {
      const extra = ctx.http?.authInfo?.extra as { principal?: Principal; clientAddress?: string } | undefined;
      return {
        principal: extra?.principal ?? ANONYMOUS_PRINCIPAL,
        ...(extra?.clientAddress ? { clientAddress: extra.clientAddress } : {}),
        ...(ctx.http?.req ? { headers: Object.fromEntries(ctx.http.req.headers) } : {}),
      };
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
