import { CLIENT_CAPABILITIES_META_KEY, PROTOCOL_VERSION_META_KEY, type ClientCapabilities } from "@modelcontextprotocol/server";
import type { ProtocolContext } from "./request-context.js";
import type { RequestScope } from "./request-scope.js";

/** The request's `_meta` envelope (2026-07-28), or undefined for a 2025 request. */
function envelope(ctx: ProtocolContext): Record<string, unknown> | undefined {
  return ctx.mcpReq.envelope;
}

/** Whether the request speaks a revision with per-request `_meta` (2026-07-28 or later). */
export function isModernRequest(ctx: ProtocolContext): boolean {
  return envelope(ctx) !== undefined;
}

/** The capabilities a 2026-07-28 request declares for its client. */
export function declaredCapabilities(ctx: ProtocolContext): ClientCapabilities | undefined {
  return envelope(ctx)?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined;
}

/**
 * The revision a request was made under: a 2026-07-28 request names it in its `_meta`
 * envelope; a 2025 request over HTTP in its `MCP-Protocol-Version` header.
 */
export function protocolVersionOf(ctx: ProtocolContext, scope: RequestScope): string | undefined {
  const declared = envelope(ctx)?.[PROTOCOL_VERSION_META_KEY];
  if (typeof declared === "string") return declared;
  const header = scope.headers?.["mcp-protocol-version"];
  return Array.isArray(header) ? header[0] : header;
}
