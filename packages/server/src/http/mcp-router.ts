import type { IncomingMessage, ServerResponse } from "node:http";
import {
  classifyInboundRequest,
  SUPPORTED_PROTOCOL_VERSIONS,
  type InboundHttpRequest,
  type JSONRPCRequest,
  type ServerEventBus,
} from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import type { RuntimeConfig } from "../config.js";
import { headerParameters, type HeaderParameter } from "../definition/header-parameters.js";
import { toolInputSchema } from "../definition/tool-entry.js";
import { MODERN_REVISIONS } from "../protocol/revisions.js";
import type { RequestScope } from "../protocol/request-scope.js";
import type { ProtocolServerFactory } from "../protocol/server-factory.js";
import { ExchangeMux } from "./exchange-mux.js";
import { HEADER_MISMATCH, parameterHeaderMismatch, standardHeaderMismatch } from "./header-checks.js";
import { LegacySessions } from "./legacy-sessions.js";
import { isPlainLegacyRequest, plainModernRequest } from "./plain-requests.js";
import { JSON_RPC, sendJsonRpcError } from "./responses.js";
import { SdkEndpoint } from "./sdk-endpoint.js";
import { ToolCallFastPath } from "./tool-call-fast-path.js";

/** 2025 requests that leave client state in the server that answers them: never on the shared one. */
const STATE_SETTING = new Set(["initialize", "logging/setLevel"]);
/** JSON-RPC batches left MCP with 2025-06-18; only older clients may send them. */
const LAST_REVISION_WITH_BATCHES = "2025-03-26";
const UNSUPPORTED_PROTOCOL_VERSION = -32022;

/**
 * Routes each POST to `/mcp` by the revision its body speaks (the SDK's classifier): 2026-07-28
 * requests and stateless 2025 requests go to one multiplexed connection per revision (no server
 * built per request), after the checks 2026-07-28 asks of a server, and plain tool calls to the
 * fast path in front of it; listen streams and 2025 requests that set client state go to
 * the SDK's own handler; 2025 sessions to their session.
 */
export class McpRouter {
  readonly #modern = new ExchangeMux(MODERN_REVISIONS[0]);
  readonly #legacy = new ExchangeMux(undefined);
  readonly #fastPath: ToolCallFastPath;
  readonly #sdk: SdkEndpoint;
  readonly #sessions: LegacySessions | undefined;
  readonly #headerParameters: Map<string, HeaderParameter[]>;
  /** The two multiplexed protocol servers, connected once. */
  readonly #connected: Promise<unknown>;

  constructor(factory: ProtocolServerFactory, config: RuntimeConfig, bus: ServerEventBus, logger: Logger) {
    this.#connected = Promise.all([
      factory.create(this.#modern.connection(), "modern").connect(this.#modern),
      factory.create(this.#legacy.connection(), "legacy").connect(this.#legacy),
    ]);
    this.#fastPath = new ToolCallFastPath(factory, { modern: this.#modern, legacy: this.#legacy });
    const keepAliveMs = config.MCP_SSE_KEEPALIVE_SECONDS * 1000;
    this.#sdk = new SdkEndpoint(factory, bus, { maxBodyBytes: config.MCP_MAX_BODY_BYTES, keepAliveMs }, logger);
    this.#sessions = config.MCP_SESSIONS === "stateful" ? new LegacySessions(factory, config.MCP_SESSION_IDLE_SECONDS, keepAliveMs) : undefined;
    this.#headerParameters = new Map(
      (factory.definition.tools ?? []).map((tool) => [tool.name, headerParameters(toolInputSchema(tool))] as const).filter(([, found]) => found.length > 0),
    );
  }

  /** `detach`: the request turns into a stream meant to stay open, which no shutdown should wait for. */
  async post(req: IncomingMessage, res: ServerResponse, body: unknown, scope: RequestScope, detach: () => void): Promise<void> {
    const version = single(req.headers["mcp-protocol-version"]);
    if (!this.#sessions && isPlainLegacyRequest(body, version)) return this.#legacyRequest(req, res, body, scope);
    const method = single(req.headers["mcp-method"]);
    const plain = plainModernRequest(body, version, method);
    if (plain) return this.#modernRequest(req, res, plain, version!, body, scope, detach);
    const inbound: InboundHttpRequest = { httpMethod: "POST", body };
    if (version !== undefined) inbound.protocolVersionHeader = version;
    if (method !== undefined) inbound.mcpMethodHeader = method;
    const name = single(req.headers["mcp-name"]);
    if (name !== undefined) inbound.mcpNameHeader = name;
    const outcome = classifyInboundRequest(inbound);
    if (outcome.kind === "reject") return sendJsonRpcError(res, outcome.httpStatus, outcome.code, outcome.message, {}, idOf(body), outcome.data);
    if (outcome.kind === "modern") {
      if (outcome.messageKind === "notification") return void res.writeHead(202).end();
      return this.#modernRequest(req, res, outcome.message, outcome.classification.revision ?? "unknown", body, scope, detach);
    }
    if (this.#sessions) return this.#sessions.handle(req, res, body, scope);
    return this.#legacyRequest(req, res, body, scope);
  }

  /** GET and DELETE: 2025 session operations; a stateless endpoint has none. */
  async other(req: IncomingMessage, res: ServerResponse, scope: RequestScope): Promise<void> {
    if (this.#sessions) return this.#sessions.handle(req, res, undefined, scope);
    sendJsonRpcError(res, 405, JSON_RPC.serverError, "Method not allowed: this endpoint is stateless, use POST", { allow: "POST" });
  }

  async close(): Promise<void> {
    await this.#sessions?.closeAll();
    await this.#sdk.close();
    await Promise.allSettled([this.#modern.close(), this.#legacy.close()]);
  }

  async #modernRequest(
    req: IncomingMessage,
    res: ServerResponse,
    request: JSONRPCRequest,
    revision: string,
    body: unknown,
    scope: RequestScope,
    detach: () => void,
  ): Promise<void> {
    if (!MODERN_REVISIONS.includes(revision)) {
      const supported = [...MODERN_REVISIONS];
      return sendJsonRpcError(res, 400, UNSUPPORTED_PROTOCOL_VERSION, `Unsupported protocol version: ${revision}`, {}, request.id, {
        supported,
        requested: revision,
      });
    }
    const mismatch = standardHeaderMismatch(request.method, request.params, req.headers) ?? this.#parameterMismatch(request, req);
    if (mismatch) return sendJsonRpcError(res, 400, HEADER_MISMATCH, `Bad Request: the request headers and body disagree: ${mismatch}`, {}, request.id);
    if (request.method === "subscriptions/listen") {
      detach();
      return this.#sdk.serve(req, res, body, scope);
    }
    await this.#connected;
    if (await this.#fastPath.serve(request, "modern", scope, res)) return;
    await this.#modern.dispatch(request, scope, res);
  }

  async #legacyRequest(req: IncomingMessage, res: ServerResponse, body: unknown, scope: RequestScope): Promise<void> {
    const version = single(req.headers["mcp-protocol-version"]);
    if (Array.isArray(body) && (version ?? LAST_REVISION_WITH_BATCHES) > LAST_REVISION_WITH_BATCHES) {
      return sendJsonRpcError(
        res,
        400,
        JSON_RPC.invalidRequest,
        `Invalid Request: JSON-RPC batches are not part of MCP ${version}; send one message per request`,
      );
    }
    if (version !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      return sendJsonRpcError(
        res,
        400,
        JSON_RPC.serverError,
        `Bad Request: Unsupported protocol version ${version} (supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")})`,
      );
    }
    const message = body as Partial<JSONRPCRequest>;
    if (Array.isArray(body) || message.id === undefined || typeof message.method !== "string" || STATE_SETTING.has(message.method)) {
      return this.#sdk.serve(req, res, body, scope);
    }
    const accept = req.headers.accept ?? "";
    if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
      return sendJsonRpcError(res, 406, JSON_RPC.serverError, "Not Acceptable: Client must accept both application/json and text/event-stream");
    }
    await this.#connected;
    if (await this.#fastPath.serve(message as JSONRPCRequest, "legacy", scope, res)) return;
    await this.#legacy.dispatch(message as JSONRPCRequest, scope, res);
  }

  #parameterMismatch(request: JSONRPCRequest, req: IncomingMessage): string | undefined {
    if (request.method !== "tools/call") return undefined;
    const params = request.params as { name?: unknown; arguments?: unknown } | undefined;
    const parameters = typeof params?.name === "string" ? this.#headerParameters.get(params.name) : undefined;
    return parameters && parameterHeaderMismatch(parameters, params?.arguments, req.headers);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The id of a single request, to answer it by; `null` for anything else. */
function idOf(body: unknown): string | number | null {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}
