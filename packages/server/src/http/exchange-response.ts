import type { ServerResponse } from "node:http";
import type { JSONRPCMessage, RequestId } from "@modelcontextprotocol/server";

/**
 * Errors the protocol layer answers before any handler runs, with the HTTP status 2026-07-28 gives
 * them (-32601: 404; unsupported version, missing capability, header mismatch: 400). A handler's
 * own errors stay in-band on 200, except a missing client capability, which is always 400.
 */
const STATUS_BY_CODE: Readonly<Record<number, number>> = { [-32700]: 400, [-32600]: 400, [-32601]: 404, [-32022]: 400, [-32021]: 400, [-32020]: 400 };

const SSE_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" };

/** One request's HTTP response: a single JSON body, or an SSE stream once the handler streams. */
export class ExchangeResponse {
  readonly #res: ServerResponse;
  #streaming = false;

  /** `statusByCode`: 2026-07-28 maps protocol errors to HTTP statuses; 2025 answers them on 200. */
  constructor(
    res: ServerResponse,
    readonly requestId: RequestId,
    private readonly statusByCode: boolean,
  ) {
    this.#res = res;
  }

  /** A notification about this request (progress, a log message): it upgrades the response to SSE. */
  notify(message: JSONRPCMessage): void {
    if (this.#res.destroyed || this.#res.writableEnded) return;
    if (!this.#streaming) {
      this.#streaming = true;
      this.#res.writeHead(200, SSE_HEADERS);
    }
    this.#res.write(frame(message));
  }

  /** The response to the request, under the id the client chose. */
  finish(message: JSONRPCMessage): void {
    if (this.#res.destroyed || this.#res.writableEnded) return;
    const reply = { ...message, id: this.requestId };
    if (this.#streaming) {
      this.#res.end(frame(reply));
      return;
    }
    const code = "error" in reply ? (reply.error as { code: number }).code : undefined;
    const payload = JSON.stringify(reply);
    // A flat list: Node writes it as it is, where an object's keys are each looked up first.
    const headers = ["content-type", "application/json", "content-length", String(Buffer.byteLength(payload))];
    this.#res.writeHead(code !== undefined && this.statusByCode ? (STATUS_BY_CODE[code] ?? 200) : 200, headers).end(payload);
  }
}

function frame(message: unknown): string {
  return `event: message\ndata: ${JSON.stringify(message)}\n\n`;
}
