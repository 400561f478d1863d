import type { ServerResponse } from "node:http";
import type { JSONRPCRequest, RequestId } from "@modelcontextprotocol/server";
import type { ProtocolContext } from "../protocol/request-context.js";
import type { Connection, RequestScope } from "../protocol/request-scope.js";
import type { ProtocolServerFactory } from "../protocol/server-factory.js";
import type { ExchangeMux } from "./exchange-mux.js";
import { ExchangeResponse } from "./exchange-response.js";
import { plainToolCall, type PlainToolCall } from "./plain-requests.js";
import { encodePlainToolResult } from "./plain-tool-result.js";

const NO_REQUEST_STATE = () => undefined;
/**
 * Nothing of a fast-path call reaches its client before the result: it carries no progress token,
 * and a 2026-07-28 request that sets no log level gets no log messages.
 */
const SILENT = () => Promise.resolve();

/**
 * The hot path of a 2026-07-28 server: a plain `tools/call` goes through the kit's trust boundary
 * and telemetry without the SDK's per-request dispatch, whose schema parses (the message's kind,
 * its envelope and params, the result) cost a third of the kit's throughput (apps/bench).
 *
 * It serves only what it answers exactly as the SDK would: a request with nothing but a name,
 * arguments, trace context and an envelope the SDK accepted before (`VouchedEnvelopes`), whose
 * result is complete and made of text blocks. Everything else goes to the SDK, after the call when
 * it ran (an error, a round's questions, a task handle, other content): the SDK then only checks
 * and encodes its outcome (`settledCall`), so no call runs twice.
 */
export class ToolCallFastPath {
  readonly #factory: ProtocolServerFactory;
  readonly #mux: ExchangeMux;

  /** `mux`: the multiplexed 2026-07-28 connection the SDK serves, for the outcomes it must encode. */
  constructor(factory: ProtocolServerFactory, mux: ExchangeMux) {
    this.#factory = factory;
    this.#mux = mux;
  }

  /** Answers the request and resolves true, or resolves false without touching it: it is the SDK's. */
  async serve(request: JSONRPCRequest, scope: RequestScope, res: ServerResponse): Promise<boolean> {
    const call = plainToolCall(request);
    if (!call || !this.#factory.vouchedEnvelopes.has(call.envelope)) return false;
    const callScope: RequestScope = { ...scope, requestId: request.id };
    const cancel = new AbortController();
    // On HTTP, the caller leaving before the answer is the cancellation signal.
    const cancelled = () => cancel.abort();
    res.once("close", cancelled);
    const connection: Connection = { transport: "tcp", longLived: false, scopeOf: () => callScope };
    const settledCall = this.#factory.callTool(connection, call.params, protocolContext(request.id, call, cancel.signal), undefined);
    const result = await settledCall.catch(() => undefined);
    res.off("close", cancelled);
    if (cancel.signal.aborted) return true;
    const encoded = encodePlainToolResult(result, this.#factory.serverInfo);
    if (encoded) new ExchangeResponse(res, request.id, true).finish({ result: encoded, jsonrpc: "2.0", id: request.id });
    else await this.#mux.dispatch(request, { ...callScope, settledCall }, res);
    return true;
  }
}

function protocolContext(id: RequestId, call: PlainToolCall, signal: AbortSignal): ProtocolContext {
  return {
    mcpReq: { id, method: "tools/call", _meta: call.meta, envelope: call.envelope, requestState: NO_REQUEST_STATE, signal, notify: SILENT, log: SILENT },
  };
}
