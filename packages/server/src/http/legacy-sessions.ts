import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isInitializeRequest, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import { authInfoConnection, authInfoFor, type RequestScope } from "../protocol/request-scope.js";
import type { ProtocolServerFactory } from "../protocol/server-factory.js";
import { MemoryEventStore } from "./memory-event-store.js";
import { JSON_RPC, sendJsonRpcError } from "./responses.js";
import { SessionStore } from "./session-store.js";
import { sendWebResponse, toWebRequest } from "./web-adapter.js";

/** How long a client waits before reconnecting a cut SSE stream (sent in the stream's priming event). */
const SSE_RETRY_MS = 1000;

/**
 * 2025-11-25 stateful sessions (`MCP_SESSIONS=stateful`, legacy): one server per client session in
 * this process, so server-to-client requests (elicitation, sampling) and SSE resumability work for
 * 2025 clients. 2026-07-28 has no sessions; its requests never come here.
 */
export class LegacySessions {
  readonly #factory: ProtocolServerFactory;
  readonly #sessions: SessionStore;
  readonly #keepAliveMs: number;

  constructor(factory: ProtocolServerFactory, idleSeconds: number, keepAliveMs: number) {
    this.#factory = factory;
    this.#keepAliveMs = keepAliveMs;
    this.#sessions = new SessionStore(idleSeconds);
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: unknown, { principal, clientAddress }: RequestScope): Promise<void> {
    const sessionId = req.headers["mcp-session-id"];
    let transport: WebStandardStreamableHTTPServerTransport;
    if (typeof sessionId === "string") {
      const session = this.#sessions.touch(sessionId);
      // A session belongs to the principal that opened it; to anyone else it does not exist.
      if (!session || session.subject !== principal.subject) {
        sendJsonRpcError(res, 404, JSON_RPC.serverError, "Session not found: start a new session with initialize");
        return;
      }
      transport = session.transport;
    } else if (req.method === "POST" && isInitializeRequest(body)) {
      transport = await this.#open(principal.subject);
    } else {
      sendJsonRpcError(res, 400, JSON_RPC.serverError, "Bad request: send initialize first, then the Mcp-Session-Id header");
      return;
    }
    const authInfo = authInfoFor(principal, clientAddress);
    const response = await transport.handleRequest(toWebRequest(req, res), body === undefined ? { authInfo } : { parsedBody: body, authInfo });
    await sendWebResponse(response, res, this.#keepAliveMs);
  }

  closeAll(): Promise<void> {
    return this.#sessions.closeAll();
  }

  async #open(subject: string): Promise<WebStandardStreamableHTTPServerTransport> {
    const server = this.#factory.create(authInfoConnection(true), "legacy");
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      eventStore: new MemoryEventStore(),
      retryInterval: SSE_RETRY_MS,
      onsessioninitialized: (id) => this.#sessions.add(id, server, transport, subject),
      onsessionclosed: (id) => this.#sessions.delete(id),
    });
    await server.connect(transport);
    return transport;
  }
}
