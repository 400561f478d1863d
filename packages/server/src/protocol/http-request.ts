import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, PROTOCOL_VERSION_META_KEY } from "@modelcontextprotocol/server";
import { nameHeaderValue } from "./name-header.js";

export interface McpHttpRequest {
  headers: Record<string, string>;
  body: string;
}

export interface McpMessage {
  id?: string | number;
  method: string;
  params?: Record<string, unknown>;
}

/**
 * One JSON-RPC message as an HTTP POST to `/mcp` in a given revision: 2026-07-28 puts the
 * version and client capabilities in `_meta` and mirrors method and name into headers; 2025-11-25
 * sends the bare message. For tests and benchmarks that speak the wire directly.
 */
export function mcpHttpRequest(message: McpMessage, protocol: string, capabilities: Record<string, unknown> = {}): McpHttpRequest {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": protocol,
  };
  if (protocol < "2026-07-28") return { headers, body: JSON.stringify({ jsonrpc: "2.0", ...message }) };
  headers["mcp-method"] = message.method;
  const name = nameHeaderValue(message.method, message.params);
  if (typeof name === "string") headers["mcp-name"] = name;
  const _meta = {
    [PROTOCOL_VERSION_META_KEY]: protocol,
    [CLIENT_INFO_META_KEY]: { name: "mcp-platform-test", version: "0.0.0" },
    [CLIENT_CAPABILITIES_META_KEY]: capabilities,
    ...(message.params?._meta as Record<string, unknown> | undefined),
  };
  return { headers, body: JSON.stringify({ jsonrpc: "2.0", ...message, params: { ...message.params, _meta } }) };
}
