import { traceOperation, type McpOperation } from "@mcp-platform/telemetry";
import {
  Server,
  SUPPORTED_PROTOCOL_VERSIONS,
  type CallToolResult,
  type ClientCapabilities,
  type Implementation,
  type ServerCapabilities,
} from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import type { ServerDefinition } from "../definition/define.js";
import { InFlight } from "../in-flight.js";
import { roundInputOf, type RoundInput } from "../policy/round-input.js";
import { createTrust, type Trust } from "../policy/trust.js";
import { onServerChange } from "../server-changes.js";
import { registerTaskMethods } from "../tasks/task-methods.js";
import { TASKS_EXTENSION } from "../tasks/task-wire.js";
import { requestBound, type CallState } from "../tasks/tool-execution.js";
import { cacheFields, listCacheHint } from "./cache-fields.js";
import { handlerContext, type UndoRecorder } from "./handler-context.js";
import type { InputRounds } from "./input-rounds.js";
import { PromptRegistry } from "./prompt-registry.js";
import { protocolVersionOf } from "./envelope.js";
import type { ProtocolContext } from "./request-context.js";
import type { Connection, RequestScope } from "./request-scope.js";
import { ResourceRegistry } from "./resource-registry.js";
import { MODERN_REVISIONS } from "./revisions.js";
import { VouchedEnvelopes } from "./vouched-envelopes.js";
import { withInputRounds } from "./with-input-rounds.js";

const MAX_COMPLETIONS = 100;

/** Which revision an instance serves: the SDK's entries pin each instance to one era. */
export type Era = "modern" | "legacy";

/**
 * Everything about a server definition that can be computed once (tool list, JSON Schemas,
 * capabilities), so that `create()` builds an SDK `Server` cheaply for each connection the SDK's
 * serving entries open: one per stdio connection, one per multiplexed HTTP era, one per request
 * for the few requests the SDK serves on its own. Every request runs inside a SERVER span that
 * follows the MCP semantic conventions.
 */
export class ProtocolServerFactory {
  readonly definition: ServerDefinition;
  readonly trust: Trust;
  /** Requests in progress over stdio, which a graceful shutdown lets finish (the HTTP server counts its own). */
  readonly inFlight = new InFlight();
  readonly capabilities: ServerCapabilities;
  /** Who the server says it is: at `initialize`, in `server/discover` and in every 2026-07-28 result. */
  readonly serverInfo: Implementation;
  /** Envelopes the SDK accepted on this server's 2026-07-28 `tools/call` requests (see `ToolCallFastPath`). */
  readonly vouchedEnvelopes = new VouchedEnvelopes();
  readonly #resources: ResourceRegistry;
  readonly #prompts: PromptRegistry;
  readonly #logger: Logger;

  constructor(definition: ServerDefinition, logger: Logger, trust: Trust = createTrust(definition, logger)) {
    this.definition = definition;
    this.#logger = logger;
    this.trust = trust;
    this.#resources = new ResourceRegistry(definition.resources ?? [], definition.resourceTemplates ?? []);
    this.#prompts = new PromptRegistry(definition.prompts ?? []);
    const { name, title, version, description } = definition;
    this.serverInfo = { name, version, ...(title ? { title } : {}), description };
    this.capabilities = {
      logging: {},
      // The tool list changes at run time when operators use the kill switch.
      ...((definition.tools ?? []).length > 0 ? { tools: { listChanged: true } } : {}),
      // Lists change when the server's code says so (`listChanged`); tools also with the kill switch.
      ...(this.#resources.isEmpty ? {} : { resources: { listChanged: true, subscribe: this.#resources.subscribable } }),
      ...(this.#prompts.isEmpty ? {} : { prompts: { listChanged: true } }),
      ...(this.#resources.isEmpty && this.#prompts.isEmpty ? {} : { completions: {} }),
      ...((definition.tools ?? []).some((tool) => tool.task) ? { extensions: { [TASKS_EXTENSION]: {} } } : {}),
    };
  }

  create(connection: Connection, era: Era): Server {
    const { instructions } = this.definition;
    const server = new Server(this.serverInfo, {
      capabilities: this.capabilities,
      ...(instructions ? { instructions } : {}),
      // Listing 2026-07-28 answers server/discover; the serving entry binds the instance to it.
      ...(era === "modern" ? { supportedProtocolVersions: [...MODERN_REVISIONS, ...SUPPORTED_PROTOCOL_VERSIONS] } : {}),
    });
    const { gate, inputs } = this.trust;
    const listHint = listCacheHint(this.definition);
    const traced = <T>(ctx: ProtocolContext, target: { name?: string; uri?: string }, work: (scope: RequestScope) => Promise<T>) =>
      this.#traced(connection.transport, connection.scopeOf(ctx), ctx, target, work);
    const rounds = (ctx: ProtocolContext) => roundInputOf(ctx, server.getClientCapabilities());
    const requestContext = (ctx: ProtocolContext, scope: RequestScope, round: RoundInput, inputRounds: InputRounds) =>
      this.#context(ctx, scope, round, requestBound(inputRounds, ctx.mcpReq.signal));

    if (this.capabilities.tools) {
      server.setRequestHandler("tools/list", (_request, ctx) =>
        traced(ctx, {}, (scope) => {
          const tools = gate.visibleTools(scope.principal);
          // What a caller sees depends on its scopes: no shared cache may keep it.
          const hint = {
            ttlMs: Math.min(listHint.ttlMs, ...tools.map((tool) => gate.tool(tool.name)?.cache?.ttlMs ?? listHint.ttlMs)),
            cacheScope: "private" as const,
          };
          return Promise.resolve({ tools, ...cacheFields(ctx, hint) });
        }),
      );
      // The SDK has validated the request and its envelope by now; see ToolCallFastPath for `settledCall`.
      server.setRequestHandler("tools/call", (request, ctx) => {
        if (era === "modern" && ctx.mcpReq.envelope) this.vouchedEnvelopes.add(ctx.mcpReq.envelope);
        const scope = connection.scopeOf(ctx);
        return scope.settledCall ?? this.callTool(connection.transport, scope, request.params, ctx, server.getClientCapabilities());
      });
    }
    if (!this.#resources.isEmpty) {
      server.setRequestHandler("resources/list", (_request, ctx) =>
        traced(ctx, {}, async () => ({ resources: await this.#resources.list(), ...cacheFields(ctx, listHint) })),
      );
      server.setRequestHandler("resources/templates/list", (_request, ctx) =>
        traced(ctx, {}, () => Promise.resolve({ resourceTemplates: this.#resources.templateList, ...cacheFields(ctx, listHint) })),
      );
      server.setRequestHandler("resources/read", (request, ctx) =>
        traced(ctx, { uri: request.params.uri }, (scope) => {
          const round = rounds(ctx);
          return withInputRounds(inputs, { op: `resources/read ${request.params.uri}`, args: {}, principal: scope.principal }, round, async (inputRounds) => {
            const { result, cache } = await this.#resources.read(request.params.uri, requestContext(ctx, scope, round, inputRounds));
            return { ...result, ...cacheFields(ctx, { ...listHint, ...cache }) };
          });
        }),
      );
    }
    if (!this.#prompts.isEmpty) {
      server.setRequestHandler("prompts/list", (_request, ctx) =>
        traced(ctx, {}, () => Promise.resolve({ prompts: this.#prompts.list, ...cacheFields(ctx, listHint) })),
      );
      server.setRequestHandler("prompts/get", (request, ctx) =>
        traced(ctx, { name: request.params.name }, (scope) => {
          const round = rounds(ctx);
          const call = { op: `prompts/get ${request.params.name}`, args: request.params.arguments ?? {}, principal: scope.principal };
          return withInputRounds(inputs, call, round, (inputRounds) =>
            this.#prompts.get(request.params.name, request.params.arguments, requestContext(ctx, scope, round, inputRounds)),
          );
        }),
      );
    }
    if (this.capabilities.completions) {
      server.setRequestHandler("completion/complete", ({ params }, ctx) =>
        traced(ctx, {}, async () => {
          const completer =
            params.ref.type === "ref/prompt"
              ? this.#prompts.completer(params.ref.name, params.argument.name)
              : this.#resources.completer(params.ref.uri, params.argument.name);
          const values = completer ? await completer(params.argument.value, { arguments: params.context?.arguments ?? {} }) : [];
          return {
            completion: { values: values.slice(0, MAX_COMPLETIONS), total: values.length, hasMore: values.length > MAX_COMPLETIONS },
          };
        }),
      );
    }
    if (this.capabilities.extensions) registerTaskMethods(server, this.trust.tasks, (ctx, work) => traced(ctx, {}, work));
    if (connection.longLived) this.#notifyChanges(server, era);
    return server;
  }

  /**
   * Runs one `tools/call` from `scope` through the trust boundary inside its span. A task handle
   * is a result too (the tasks extension); the SDK passes it as it is.
   */
  callTool(
    transport: Connection["transport"],
    scope: RequestScope,
    params: { name: string; arguments?: Record<string, unknown> },
    ctx: ProtocolContext,
    sessionCapabilities: ClientCapabilities | undefined,
  ): Promise<CallToolResult> {
    return this.#traced(transport, scope, ctx, { name: params.name }, () => {
      const round = roundInputOf(ctx, sessionCapabilities);
      return this.trust.gate.call({
        name: params.name,
        args: params.arguments,
        meta: ctx.mcpReq._meta,
        principal: scope.principal,
        round,
        signal: ctx.mcpReq.signal,
        ctx: (state, recordUndo) => this.#context(ctx, scope, round, state, recordUndo),
      }) as Promise<CallToolResult>;
    });
  }

  #traced<T>(
    transport: Connection["transport"],
    scope: RequestScope,
    ctx: ProtocolContext,
    target: { name?: string; uri?: string },
    work: (scope: RequestScope) => Promise<T>,
  ): Promise<T> {
    // Built property by property: this runs for every request.
    const operation: McpOperation = { method: ctx.mcpReq.method, requestId: scope.requestId ?? ctx.mcpReq.id, transport };
    if (target.name !== undefined) operation.target = target.name;
    if (target.uri !== undefined) operation.resourceUri = target.uri;
    if (ctx.sessionId) operation.sessionId = ctx.sessionId;
    const protocolVersion = protocolVersionOf(ctx, scope);
    if (protocolVersion) operation.protocolVersion = protocolVersion;
    if (scope.clientAddress) operation.clientAddress = scope.clientAddress;
    if (ctx.mcpReq._meta) operation.meta = ctx.mcpReq._meta;
    if (scope.headers) operation.headers = scope.headers;
    const run = () => traceOperation(operation, () => work(scope));
    // Over HTTP the server counts each request it serves; stdio drains by this count alone.
    return transport === "pipe" ? this.inFlight.track(run) : run();
  }

  #context(ctx: ProtocolContext, scope: RequestScope, round: RoundInput, state: CallState, recordUndo?: UndoRecorder) {
    return handlerContext({ ctx, scope, logger: this.#logger, state, clientCapabilities: round.capabilities, ...(recordUndo ? { recordUndo } : {}) });
  }

  /**
   * Kill-switch changes and the server's own announcements reach clients that stay connected: on
   * 2026-07-28 the SDK routes them to the connection's `subscriptions/listen` streams; a 2025
   * session gets list changes, and the updates of the resources it subscribed to.
   */
  #notifyChanges(server: Server, era: Era): void {
    const subscriptions = new Set<string>();
    const send = (sending: Promise<void>) => void sending.catch(() => undefined);
    const unsubscribe = [
      this.trust.killSwitch.onChange(() => send(server.sendToolListChanged())),
      onServerChange(this.definition, (change) => {
        if (change.kind === "resource") {
          if (era === "modern" || subscriptions.has(change.uri)) send(server.sendResourceUpdated({ uri: change.uri }));
        } else if (change.list === "tools") send(server.sendToolListChanged());
        else if (change.list === "prompts") send(server.sendPromptListChanged());
        else send(server.sendResourceListChanged());
      }),
    ];
    if (this.#resources.subscribable && era === "legacy") {
      server.setRequestHandler("resources/subscribe", ({ params }) => (subscriptions.add(params.uri), {}));
      server.setRequestHandler("resources/unsubscribe", ({ params }) => (subscriptions.delete(params.uri), {}));
    }
    server.onclose = () => {
      for (const stop of unsubscribe) stop();
    };
  }
}
