import { UPSTREAM_HEADER } from "@mcp-platform/test-services";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** One tool call as the load saw it: when, through which replica, and how it ended. */
export interface CallRecord {
  tool: string;
  /** `performance.now()`: a step of the wall clock must not move a call in or out of the kill's window. */
  started: number;
  ended: number;
  /** nginx's `$upstream_addr`: the replica that answered (or the last one tried). */
  upstream: string;
  status: number;
  result?: CallToolResult;
  failure?: string;
}

/** A `tools/call` over plain HTTP, with no retry: whatever happens to the request is what is recorded. */
export async function callTool(origin: string, bearer: string, tool: string, args: Record<string, unknown>): Promise<CallRecord> {
  const started = performance.now();
  const record = (fields: Omit<CallRecord, "tool" | "started" | "ended">): CallRecord => ({ tool, started, ended: performance.now(), ...fields });
  try {
    const response = await fetch(`${origin}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: tool, arguments: args } }),
      signal: AbortSignal.timeout(15_000),
    });
    const upstream = response.headers.get(UPSTREAM_HEADER) ?? "";
    const text = await response.text();
    if (response.status !== 200) return record({ upstream, status: response.status, failure: `HTTP ${response.status}: ${text.slice(0, 200)}` });
    const reply = JSON.parse(text) as { result?: CallToolResult; error?: { message: string } };
    if (!reply.result) return record({ upstream, status: 200, failure: `JSON-RPC error: ${reply.error?.message}` });
    return record({ upstream, status: 200, result: reply.result });
  } catch (error) {
    return record({ upstream: "", status: 0, failure: (error as Error).message });
  }
}

/** The text of a tool result, for assertions and failure messages. */
export function textOf(result: CallToolResult | undefined): string {
  return (result?.content ?? []).map((block) => (block.type === "text" ? block.text : "")).join(" ");
}
