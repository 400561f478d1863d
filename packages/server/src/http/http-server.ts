import { createServer, type IncomingMessage, type Server as NodeHttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { RuntimeConfig } from "../config.js";
import { InFlight } from "../in-flight.js";
import type { ProtocolServerFactory } from "../protocol-server.js";
import { readJsonBody } from "./body.js";
import { hostAllowed, originAllowed } from "./guards.js";
import { handleStateful, handleStateless } from "./mcp-endpoint.js";
import { JSON_RPC, sendJson, sendJsonRpcError } from "./responses.js";
import { SessionStore } from "./session-store.js";

export const MCP_PATH = "/mcp";

export interface HttpServer {
  readonly server: NodeHttpServer;
  listen(): Promise<AddressInfo>;
  /** Stops accepting, waits for in-flight requests up to the deadline, then closes everything. */
  drain(timeoutMs: number): Promise<{ completed: boolean }>;
}

type HttpConfig = Pick<
  RuntimeConfig,
  "HOST" | "PORT" | "MCP_SESSIONS" | "MCP_SESSION_IDLE_SECONDS" | "MCP_MAX_BODY_BYTES" | "allowedHosts" | "allowedOrigins"
>;

export function createHttpServer(
  factory: ProtocolServerFactory,
  config: HttpConfig,
  logger: Logger,
  readyWhen: Promise<unknown> = Promise.resolve(),
): HttpServer {
  const inFlight = new InFlight();
  let started = false;
  void readyWhen.finally(() => (started = true));
  const sessions = config.MCP_SESSIONS === "stateful" ? new SessionStore(config.MCP_SESSION_IDLE_SECONDS) : undefined;
  let draining = false;

  async function handleMcp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, config.allowedHosts)) {
      sendJsonRpcError(res, 403, JSON_RPC.serverError, `Forbidden: Host "${req.headers.host ?? ""}" is not allowed (MCP_ALLOWED_HOSTS)`);
      return;
    }
    if (!originAllowed(req.headers.origin, config.allowedOrigins)) {
      sendJsonRpcError(res, 403, JSON_RPC.serverError, `Forbidden: Origin "${req.headers.origin}" is not allowed (MCP_ALLOWED_ORIGINS)`);
      return;
    }
    if (draining) {
      sendJsonRpcError(res, 503, JSON_RPC.serverError, "Server is shutting down; retry on another replica", {
        connection: "close",
        "retry-after": "1",
      });
      return;
    }
    let body: unknown;
    if (req.method === "POST") {
      const read = await readJsonBody(req, config.MCP_MAX_BODY_BYTES);
      if (!read.ok && read.reason === "too-large") {
        sendJsonRpcError(res, 413, JSON_RPC.invalidRequest, `Request body exceeds ${config.MCP_MAX_BODY_BYTES} bytes (MCP_MAX_BODY_BYTES)`, {
          connection: "close",
        });
        return;
      }
      if (!read.ok) {
        sendJsonRpcError(res, 400, JSON_RPC.parseError, `Parse error: ${read.message}`);
        return;
      }
      body = read.value;
    }
    if (sessions) await handleStateful(factory, sessions, req, res, body);
    else await handleStateless(factory, req, res, body);
  }

  const server = createServer((req, res) => {
    const path = req.url?.split("?", 1)[0];
    if (path === MCP_PATH) {
      const work = () =>
        handleMcp(req, res).catch((error: unknown) => {
          logger.error({ err: error }, "unhandled error serving /mcp");
          if (!res.headersSent) sendJsonRpcError(res, 500, JSON_RPC.serverError, "Internal server error");
          else res.destroy();
        });
      // A standalone SSE stream (GET) stays open by design; only requests that do work count.
      void (req.method === "GET" ? work() : inFlight.track(work));
      return;
    }
    if (req.method === "GET" && path === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (req.method === "GET" && path === "/readyz") {
      if (draining) return sendJson(res, 503, { status: "draining" });
      return started ? sendJson(res, 200, { status: "ready" }) : sendJson(res, 503, { status: "starting" });
    }
    sendJson(res, 404, { error: "not_found", message: `No route for ${req.method} ${path}; MCP is served at ${MCP_PATH}` });
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.PORT, config.HOST, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    async drain(timeoutMs) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      const completed = await inFlight.idle(timeoutMs);
      await sessions?.closeAll();
      server.closeAllConnections();
      return { completed };
    },
  };
}
