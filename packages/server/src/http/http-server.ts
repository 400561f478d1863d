import type * as NodeHttp from "node:http";
import type { IncomingMessage, Server as NodeHttpServer, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { ISSUER_RETRY_MS, type Principal } from "@mcp-platform/auth";
import type { ServerEventBus } from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import type { RuntimeConfig } from "../config.js";
import { InFlight } from "../in-flight.js";
import { ANONYMOUS_PRINCIPAL } from "../protocol/request-scope.js";
import type { ProtocolServerFactory } from "../protocol/server-factory.js";
import { readJsonBody } from "./body.js";
import { clientAddressOf } from "./client-address.js";
import { hostAllowed, originAllowed } from "./guards.js";
import { HttpAuth } from "./http-auth.js";
import { listenError } from "./listen-error.js";
import { McpRouter } from "./mcp-router.js";
import { rateLimiterFor } from "./rate-limiter-from-config.js";
import { JSON_RPC, sendJson, sendJsonRpcError } from "./responses.js";
import { missingScope } from "./scope-precheck.js";

// Node 24 builds `import ... from "node:http"`'s ESM namespace by reading every export, including the
// lazy `WebSocket`/`MessageEvent` getters, which load Node's bundled undici: ~1.2 MiB of heap for the
// server's whole life (~7 MiB of peak RSS under load, apps/bench). `require` reads only what is used.
const { createServer } = createRequire(import.meta.url)("node:http") as typeof NodeHttp;

export const MCP_PATH = "/mcp";
const METADATA_PATHS = new Set(["/.well-known/oauth-protected-resource", `/.well-known/oauth-protected-resource${MCP_PATH}`]);

export interface HttpServer {
  readonly server: NodeHttpServer;
  /** Requests to `/mcp` in progress (a listen stream counts only until it is acknowledged). */
  readonly inFlight: number;
  /** Settles once the start's own round trips (the issuer's keys) are done, whatever their outcome. */
  readonly warmedUp: Promise<void>;
  listen(): Promise<AddressInfo>;
  /** Stops accepting, waits for in-flight requests up to the deadline, then closes everything. */
  drain(timeoutMs: number): Promise<{ completed: boolean }>;
}

export function createHttpServer(
  factory: ProtocolServerFactory,
  config: RuntimeConfig,
  logger: Logger,
  bus: ServerEventBus,
  readyWhen: Promise<unknown> = Promise.resolve(),
): HttpServer {
  const inFlight = new InFlight();
  const { definition, trust } = factory;
  const auth = config.authRequired ? new HttpAuth(config, definition.title ?? definition.name, trust.scopes, trust.decisions, logger) : undefined;
  const limiter = rateLimiterFor(config, definition.name, logger);
  const router = new McpRouter(factory, config, bus, logger);
  const clientAddress = clientAddressOf(config.MCP_TRUSTED_PROXIES);
  // Also where RFC 9728 puts it for the audience's own path: behind a gateway that serves this server
  // under a prefix (https://mcp.example.com/inventory/mcp), that route needs no rewrite.
  const metadataPaths = new Set([...METADATA_PATHS, ...(auth ? [new URL(auth.metadataUrl).pathname] : [])]);
  let started = false;
  let draining = false;
  void readyWhen.finally(() => (started = true));

  async function authenticate(req: IncomingMessage, res: ServerResponse, address: string | undefined): Promise<Principal | undefined> {
    if (!auth) return ANONYMOUS_PRINCIPAL;
    const result = await auth.authenticate(req, address);
    if (result.ok) return result.principal;
    if (result.status === 429) {
      sendJsonRpcError(res, 429, JSON_RPC.serverError, "Too many failed authentications from this address; retry later (MCP_AUTH_FAILURES_PER_MINUTE)", {
        "retry-after": String(result.retryAfterSeconds),
      });
      return undefined;
    }
    if (result.status === 503) {
      // The issuer is asked again no sooner than this, so an earlier retry gets the same answer.
      const body = { error: "temporarily_unavailable", error_description: result.error.message };
      sendJson(res, 503, body, { "www-authenticate": result.challenge, "retry-after": String(ISSUER_RETRY_MS / 1000) });
      return undefined;
    }
    sendJson(res, 401, { error: "invalid_token", error_description: result.error.message }, { "www-authenticate": result.challenge });
    return undefined;
  }

  /** One token per message: a batch of 100 calls costs what 100 requests cost. */
  async function withinRateLimit(principal: Principal, messages: number, res: ServerResponse): Promise<boolean> {
    if (!auth) return true;
    let wait = 0;
    for (let taken = 0; taken < messages && wait === 0; taken++) wait = await limiter.take(principal.subject);
    if (wait === 0) return true;
    sendJsonRpcError(res, 429, JSON_RPC.serverError, "Too many requests for this principal; retry later (MCP_RATE_LIMIT_PER_MINUTE)", {
      "retry-after": String(wait),
    });
    return false;
  }

  async function handleMcp(req: IncomingMessage, res: ServerResponse, detach: () => void): Promise<void> {
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
    if (Number(req.headers["content-length"] ?? 0) > config.MCP_MAX_BODY_BYTES) return tooLarge(res);
    // Node keeps the first of several Authorization headers; which principal was meant is unknowable.
    if (authorizationHeaders(req.rawHeaders) > 1) {
      return sendJsonRpcError(res, 400, JSON_RPC.invalidRequest, "Bad Request: more than one Authorization header");
    }
    const address = clientAddress(req);
    const principal = await authenticate(req, res, address);
    if (!principal) return;
    const scope = { principal, ...(address ? { clientAddress: address } : {}) };
    if (req.method !== "POST") {
      if (await withinRateLimit(principal, 1, res)) await router.other(req, res, scope);
      return;
    }
    if (!req.headers["content-type"]?.includes("application/json")) {
      return sendJsonRpcError(res, 415, JSON_RPC.serverError, "Unsupported Media Type: Content-Type must be application/json");
    }
    const read = await readJsonBody(req, config.MCP_MAX_BODY_BYTES);
    if (!read.ok && read.reason === "too-large") return tooLarge(res);
    if (!read.ok) return sendJsonRpcError(res, 400, JSON_RPC.parseError, `Parse error: ${read.message}`);
    const messages = Array.isArray(read.value) ? (read.value as unknown[]) : [read.value];
    if (!(await withinRateLimit(principal, Math.max(messages.length, 1), res))) return;
    const missing = auth && missingScope(messages, principal, trust.gate, trust.scopes);
    if (missing) {
      sendJson(
        res,
        403,
        { error: "insufficient_scope", error_description: `This call needs scope ${missing}` },
        {
          "www-authenticate": auth.insufficientScope(missing),
        },
      );
      return;
    }
    await router.post(req, res, read.value, { ...scope, headers: req.headers }, detach);
  }

  function tooLarge(res: ServerResponse): void {
    sendJsonRpcError(res, 413, JSON_RPC.invalidRequest, `Request body exceeds ${config.MCP_MAX_BODY_BYTES} bytes (MCP_MAX_BODY_BYTES)`, {
      connection: "close",
    });
  }

  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    const path = req.url?.split("?", 1)[0];
    if (path === MCP_PATH) {
      const work = (detach: () => void) =>
        handleMcp(req, res, detach).catch((error: unknown) => {
          logger.error({ err: error }, "unhandled error serving /mcp");
          if (!res.headersSent) sendJsonRpcError(res, 500, JSON_RPC.serverError, "Internal server error");
          else res.destroy();
        });
      // A 2025 session's standalone SSE stream (GET) stays open by design; only requests that do work count.
      void (req.method === "GET" ? work(() => undefined) : inFlight.track(work));
      return;
    }
    if (req.method === "GET" && path === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (req.method === "GET" && path === "/readyz") {
      if (draining) return sendJson(res, 503, { status: "draining" });
      return started ? sendJson(res, 200, { status: "ready" }) : sendJson(res, 503, { status: "starting" });
    }
    if (req.method === "GET" && auth && path && metadataPaths.has(path)) return sendJson(res, 200, auth.metadata);
    sendJson(res, 404, { error: "not_found", message: `No route for ${req.method} ${path}; MCP is served at ${MCP_PATH}` });
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    get inFlight() {
      return inFlight.count;
    },
    warmedUp: auth?.warmedUp ?? Promise.resolve(),
    listen: () =>
      new Promise((resolve, reject) => {
        const refused = (error: NodeJS.ErrnoException) => reject(listenError(error, config.HOST, config.PORT));
        server.once("error", refused);
        server.listen(config.PORT, config.HOST, () => {
          server.off("error", refused);
          resolve(server.address() as AddressInfo);
        });
      }),
    async drain(timeoutMs) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      const completed = await inFlight.idle(timeoutMs);
      await router.close();
      await limiter.close();
      server.closeAllConnections();
      return { completed };
    },
  };
}

/** How many Authorization headers came (`headersDistinct` would copy every header to count one). */
function authorizationHeaders(rawHeaders: string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.length === 13 && rawHeaders[i]!.toLowerCase() === "authorization") count++;
  return count;
}
