import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@mcp-platform/auth";
import { authInfoFor } from "../principal-of.js";
import type { Connection, ProtocolServerFactory } from "../protocol-server.js";
import { sendJsonRpcError, JSON_RPC } from "./responses.js";
import type { SessionStore } from "./session-store.js";
import { MemoryEventStore } from "./memory-event-store.js";
import { sendWebResponse, toWebRequest } from "./web-adapter.js";

/** How long a client waits before reconnecting a cut SSE stream (sent in the stream's priming event). */
const SSE_RETRY_MS = 1000;

/**
 * Stateless mode: every POST gets a fresh SDK server and transport (built cheaply from the
 * precomputed factory), so any replica can answer any request and nothing one caller set
 * (initialize info, log level) is seen by the next. Closing the server when the HTTP response
 * closes aborts a handler whose caller went away.
 */
export async function handleStateless(
  factory: ProtocolServerFactory,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  principal: Principal,
): Promise<void> {
  if (req.method !== "POST") {
    sendJsonRpcError(res, 405, JSON_RPC.serverError, "Method not allowed: this server is stateless, use POST", { allow: "POST" });
    return;
  }
  const server = factory.create(connectionOf(req));
  const transport = new (await webTransport())({ enableJsonResponse: !wantsStream(body) });
  res.once("close", () => void server.close().catch(() => undefined));
  await server.connect(transport);
  const response = await transport.handleRequest(toWebRequest(req), { parsedBody: body, authInfo: authInfoFor(principal) });
  await sendWebResponse(response, res);
}

/** Stateful mode (opt-in): sessions keep one server per client, so server-to-client requests work. */
export async function handleStateful(
  factory: ProtocolServerFactory,
  sessions: SessionStore,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  principal: Principal,
): Promise<void> {
  const sessionId = req.headers["mcp-session-id"];
  let transport: WebStandardStreamableHTTPServerTransport;
  if (typeof sessionId === "string") {
    const session = sessions.touch(sessionId);
    // A session belongs to the principal that opened it; to anyone else it does not exist.
    if (!session || session.subject !== principal.subject) {
      sendJsonRpcError(res, 404, JSON_RPC.serverError, "Session not found: start a new session with initialize");
      return;
    }
    transport = session.transport;
  } else if (req.method === "POST" && isInitializeRequest(body)) {
    transport = await openSession(factory.create({ ...connectionOf(req), longLived: true }), sessions, principal.subject);
  } else {
    sendJsonRpcError(res, 400, JSON_RPC.serverError, "Bad request: send initialize first, then the Mcp-Session-Id header");
    return;
  }
  const authInfo = authInfoFor(principal);
  const response = await transport.handleRequest(toWebRequest(req), body === undefined ? { authInfo } : { parsedBody: body, authInfo });
  await sendWebResponse(response, res);
}

async function openSession(server: Server, sessions: SessionStore, subject: string): Promise<WebStandardStreamableHTTPServerTransport> {
  const Transport = await webTransport();
  const transport: WebStandardStreamableHTTPServerTransport = new Transport({
    sessionIdGenerator: randomUUID,
    eventStore: new MemoryEventStore(),
    retryInterval: SSE_RETRY_MS,
    onsessioninitialized: (id) => sessions.add(id, server, transport, subject),
    onsessionclosed: (id) => sessions.delete(id),
  });
  await server.connect(transport);
  return transport;
}

/**
 * The SDK's own HTTP transport, loaded on first use: the common stateless call never needs it
 * (the pooled fast path serves it), so a cold start does not pay for it.
 */
async function webTransport(): Promise<typeof WebStandardStreamableHTTPServerTransport> {
  return (await import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js")).WebStandardStreamableHTTPServerTransport;
}

function connectionOf(req: IncomingMessage): Connection {
  return { transport: "tcp", ...(req.socket.remoteAddress ? { clientAddress: req.socket.remoteAddress } : {}) };
}

/** Progress notifications only reach the caller on an SSE response; plain JSON is cheaper otherwise. */
function wantsStream(body: unknown): boolean {
  const messages = Array.isArray(body) ? (body as unknown[]) : [body];
  return messages.some((message) => {
    const meta = (message as { params?: { _meta?: { progressToken?: unknown } } } | null)?.params?._meta;
    return meta?.progressToken !== undefined;
  });
}
