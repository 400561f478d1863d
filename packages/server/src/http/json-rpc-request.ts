import type { JSONRPCRequest } from "@modelcontextprotocol/sdk/types.js";

/** Methods that leave client state in a server (capabilities, log level): never on a pooled server. */
const STATEFUL_METHODS = new Set(["initialize", "logging/setLevel"]);

/**
 * The body as one JSON-RPC request the pooled fast path can serve, or undefined: batches,
 * notifications, responses, initialize and requests that want progress over SSE go the SDK's
 * transport way, which handles every case of the spec.
 */
export function fastPathRequest(body: unknown): JSONRPCRequest | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const message = body as Partial<JSONRPCRequest>;
  if (message.jsonrpc !== "2.0" || typeof message.method !== "string" || STATEFUL_METHODS.has(message.method)) return undefined;
  if (typeof message.id !== "string" && typeof message.id !== "number") return undefined;
  if (message.params !== undefined && (typeof message.params !== "object" || message.params === null)) return undefined;
  if ((message.params?._meta as { progressToken?: unknown } | undefined)?.progressToken !== undefined) return undefined;
  return message as JSONRPCRequest;
}
