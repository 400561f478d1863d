import type { ServerResponse } from "node:http";
import type { JSONRPCRequest, LoggingLevel, Notification, RequestId } from "@modelcontextprotocol/server";
import type { ProtocolContext } from "../protocol/request-context.js";
import type { RequestScope } from "../protocol/request-scope.js";
import type { Era, ProtocolServerFactory } from "../protocol/server-factory.js";
import type { ExchangeMux } from "./exchange-mux.js";
import { ExchangeResponse } from "./exchange-response.js";
import { plainToolCall, type PlainToolCall } from "./plain-requests.js";
import { encodePlainToolResult } from "./plain-tool-result.js";

const NO_REQUEST_STATE = () => undefined;
/** A 2026-07-28 request that sets no log level gets no log messages (and a fast-path call sets none). */
const NO_LOG = () => Promise.resolve();

/**
 * The hot path of an HTTP server: a plain `tools/call` goes through the kit's trust boundary and
 * telemetry without the SDK's per-request dispatch, whose schema parses (the message's kind, its
 * envelope and params, the result) cost a third of the kit's throughput (apps/bench).
 *
 * It serves only what it answers exactly as the SDK would: a request with nothing but a name,
 * arguments, trace context and, in 2026-07-28, an envelope the SDK accepted before
 * (`VouchedEnvelopes`), whose result is complete and made of text blocks. Everything else goes to
 * the SDK, after the call when it ran (an error, a round's questions, a task handle, other
 * content): the SDK then only checks and encodes its outcome (`settledCall`), so no call runs twice.
 */
export class ToolCallFastPath {
  readonly #factory: ProtocolServerFactory;
  readonly #muxes: Record<Era, ExchangeMux>;

  /** `muxes`: the multiplexed connections the SDK serves each era on, for the outcomes it encodes. */
  constructor(factory: ProtocolServerFactory, muxes: Record<Era, ExchangeMux>) {
    this.#factory = factory;
    this.#muxes = muxes;
  }

  /** Answers the request and resolves true, or resolves false without touching it: it is the SDK's. */
  async serve(request: JSONRPCRequest, era: Era, scope: RequestScope, res: ServerResponse): Promise<boolean> {
    const call = plainToolCall(request, era === "modern");
    if (!call || (call.envelope && !this.#factory.vouchedEnvelopes.has(call.envelope))) return false;
    const callScope: RequestScope = { ...scope, requestId: request.id };
    const response = new ExchangeResponse(res, request.id, era === "modern");
    const cancel = new AbortController();
    // On HTTP, the caller leaving before the answer is the cancellation signal.
    const cancelled = () => cancel.abort();
    res.once("close", cancelled);
    const settledCall = this.#factory.callTool("tcp", callScope, call.params, protocolContext(request.id, call, cancel.signal, response), undefined);
    const result = await settledCall.catch(() => undefined);
    res.off("close", cancelled);
    if (cancel.signal.aborted) return true;
    const encoded = encodePlainToolResult(result, era === "modern" ? this.#factory.serverInfo : undefined);
    if (encoded) response.finish({ result: encoded, jsonrpc: "2.0", id: request.id });
    else await this.#muxes[era].dispatch(request, { ...callScope, settledCall }, res);
    return true;
  }
}

function protocolContext(id: RequestId, call: PlainToolCall, signal: AbortSignal, response: ExchangeResponse): ProtocolContext {
  // What the SDK sends about a request on its own path: the same JSON-RPC notification, on its response.
  const notify = (notification: Notification) => Promise.resolve(response.notify({ jsonrpc: "2.0", ...notification }));
  // A 2025 request without a session has no log level: the SDK sends it every message.
  const log = (level: LoggingLevel, data: unknown, logger?: string) => notify({ method: "notifications/message", params: { level, data, logger } });
  return {
    mcpReq: {
      id,
      method: "tools/call",
      _meta: call.meta,
      ...(call.envelope ? { envelope: call.envelope } : {}),
      requestState: NO_REQUEST_STATE,
      signal,
      notify,
      log: call.envelope ? NO_LOG : log,
    },
  };
}
