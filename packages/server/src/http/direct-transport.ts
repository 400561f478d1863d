import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, JSONRPCRequest, MessageExtraInfo, RequestId } from "@modelcontextprotocol/sdk/types.js";

/** JSON-RPC's error for a method the other side cannot serve: here, a server-to-client request. */
const METHOD_NOT_FOUND = -32601;
/** MCP's code for a request the client cancelled (here: by disconnecting). */
const REQUEST_CANCELLED = -32800;

/**
 * An SDK transport that hands one JSON-RPC request to a connected server and resolves with its
 * response, with no HTTP or streams in between. It stays connected across requests, so a pooled
 * server is built and connected once. It carries one request at a time (the pool sees to it).
 * Server-to-client requests cannot reach a stateless JSON caller: they fail at once, with an error
 * that says what would work, instead of waiting forever.
 */
export class DirectTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  #pending: { id: RequestId; resolve: (message: JSONRPCMessage) => void } | undefined;

  start(): Promise<void> {
    return Promise.resolve();
  }

  dispatch(request: JSONRPCRequest, extra: MessageExtraInfo): Promise<JSONRPCMessage> {
    return new Promise((resolve) => {
      this.#pending = { id: request.id, resolve };
      this.onmessage?.(request, extra);
    });
  }

  /**
   * Aborts the request in progress when its caller went away: its handler's signal fires, and the
   * pending dispatch settles (the SDK sends nothing for a cancelled request) so no work lingers.
   */
  cancel(requestId: RequestId): void {
    this.onmessage?.({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId, reason: "client disconnected" } });
    void this.send({ jsonrpc: "2.0", id: requestId, error: { code: REQUEST_CANCELLED, message: "Request cancelled: the client disconnected" } });
  }

  send(message: JSONRPCMessage): Promise<void> {
    if ("method" in message && "id" in message) {
      this.onmessage?.({
        jsonrpc: "2.0",
        id: message.id,
        error: { code: METHOD_NOT_FOUND, message: `${message.method} needs a stateful session (MCP_SESSIONS=stateful) or stdio` },
      });
    } else if ("id" in message && this.#pending && this.#pending.id === message.id) {
      const { resolve } = this.#pending;
      this.#pending = undefined;
      resolve(message);
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.onclose?.();
    return Promise.resolve();
  }
}
