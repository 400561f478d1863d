/** The MCP revisions the load speaks: 2026-07-28 (per-request `_meta`) and 2025-11-25. */
export type Protocol = "2026-07-28" | "2025-11-25";

export const PROTOCOLS: readonly Protocol[] = ["2026-07-28", "2025-11-25"];

/** The one call a load repeats: which tool, with arguments only that request carries, and the text it must answer. */
export interface LoadCall {
  tool: string;
  args: (id: number) => Record<string, unknown>;
  expected: (id: number) => string;
}

const META_2026 = `"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"bench","version":"1"}}`;

/** The headers every request of a load carries, in its revision. */
export function loadHeaders(protocol: Protocol, tool: string): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": protocol,
  };
  if (protocol === "2026-07-28") Object.assign(headers, { "mcp-method": "tools/call", "mcp-name": tool });
  return headers;
}

/** One `tools/call` body, built by hand: the load client must cost far less than the servers it measures. */
export function callBody(protocol: Protocol, call: LoadCall, id: number): string {
  const meta = protocol === "2026-07-28" ? `,${META_2026}` : "";
  return `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"${call.tool}","arguments":${JSON.stringify(call.args(id))}${meta}}}`;
}

/** Where a contender's measurements in one revision are kept: `kit@2026-07-28`. */
export function resultKey(contender: string, protocol: Protocol): string {
  return `${contender}@${protocol}`;
}
