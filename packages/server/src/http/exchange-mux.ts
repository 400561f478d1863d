import type { ServerResponse } from "node:http";
import {
  PerRequestHTTPServerTransport,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type RequestId,
  type Transport,
  type TransportSendOptions,
} from "@modelcontextprotocol/server";
import type { Connection, RequestScope } from "../protocol/request-scope.js";
import { ExchangeResponse } from "./exchange-response.js";

/** JSON-RPC's code for a method the other side cannot serve: here, a request to a stateless client. */
const METHOD_NOT_FOUND = -32601;

interface Exchange {
  scope: RequestScope;
  response: ExchangeResponse;
  settle: () => void;
}

/**
 * One long-lived protocol connection that carries many independent HTTP exchanges. Stateless
 * requests need no server of their own: one instance serves all of one revision, and the mux
 * renumbers each request (two callers may both use id 1), writes its related notifications and
 * its response to that request's own HTTP response (JSON, or SSE once something streams), and
 * cancels it when its caller disconnects. Building a server per request is what makes the SDK's
 * own per-request handler slow (see apps/bench).
 *
 * It is a `PerRequestHTTPServerTransport` for one reason: connecting an SDK `Server` to a
 * transport of that class, classified with a 2026-07-28 revision the server lists, is how the SDK
 * binds an instance to that revision (`Server.connect`). Everything the class does for a single
 * exchange is replaced here; a mux classified `legacy` leaves its server on 2025-11-25.
 */
export class ExchangeMux extends PerRequestHTTPServerTransport implements Transport {
  readonly #modern: boolean;

  /** `revision`: the 2026-07-28-era revision this mux carries, or undefined for 2025 requests. */
  constructor(revision: string | undefined) {
    super({ classification: revision === undefined ? { era: "legacy" } : { era: "modern", revision } });
    this.#modern = revision !== undefined;
  }

  readonly #exchanges = new Map<number, Exchange>();
  #next = 0;

  /** How the protocol server behind this mux finds out who sent a request. */
  connection(): Connection {
    return {
      transport: "tcp",
      longLived: false,
      scopeOf: (ctx) => {
        const exchange = this.#exchanges.get(ctx.mcpReq.id as number);
        // Its caller left before the request reached its handler: nobody to act for.
        if (!exchange) throw new Error("The request was cancelled before it started");
        return exchange.scope;
      },
    };
  }

  override start(): Promise<void> {
    return Promise.resolve();
  }

  /** Serves one request; resolves when its response is written or its caller went away. */
  dispatch(request: JSONRPCRequest, scope: RequestScope, res: ServerResponse): Promise<void> {
    const id = ++this.#next;
    return new Promise((settle) => {
      const exchange: Exchange = { scope: { ...scope, requestId: request.id }, response: new ExchangeResponse(res, request.id, this.#modern), settle };
      this.#exchanges.set(id, exchange);
      res.once("close", () => {
        if (!this.#exchanges.delete(id)) return;
        // The caller disconnected before the answer: on HTTP that is the cancellation signal.
        this.onmessage?.({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: id, reason: "client disconnected" } });
        settle();
      });
      this.onmessage?.({ ...request, id });
    });
  }

  override send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if ("method" in message) {
      if ("id" in message) return this.#refuseServerRequest(message.id);
      const exchange = options?.relatedRequestId === undefined ? undefined : this.#exchanges.get(options.relatedRequestId as number);
      // Unsolicited notifications have nowhere to go: listen streams are served elsewhere.
      exchange?.response.notify(message);
      return Promise.resolve();
    }
    const id = (message as { id?: RequestId }).id as number;
    const exchange = this.#exchanges.get(id);
    if (!exchange) return Promise.resolve();
    this.#exchanges.delete(id);
    exchange.response.finish(message);
    exchange.settle();
    return Promise.resolve();
  }

  override close(): Promise<void> {
    for (const exchange of this.#exchanges.values()) exchange.settle();
    this.#exchanges.clear();
    this.onclose?.();
    return Promise.resolve();
  }

  /** A stateless HTTP caller cannot answer a server-to-client request: fail it at once, saying what would work. */
  #refuseServerRequest(id: RequestId): Promise<void> {
    const message = "The client of a stateless HTTP request cannot be asked anything; use 2026-07-28, stdio, or MCP_SESSIONS=stateful";
    queueMicrotask(() => this.onmessage?.({ jsonrpc: "2.0", id, error: { code: METHOD_NOT_FOUND, message } }));
    return Promise.resolve();
  }
}
