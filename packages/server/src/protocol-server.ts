import type { Principal } from "@mcp-platform/auth";
import { traceOperation } from "@mcp-platform/telemetry";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type CallToolResult,
  type ServerCapabilities,
} from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import { ClientSession } from "./client-session.js";
import type { ServerDefinition } from "./define.js";
import { InFlight } from "./in-flight.js";
import { createTrust, type Trust } from "./policy/trust.js";
import { clientAddressOf, LOCAL_PRINCIPAL, principalOf } from "./principal-of.js";
import { PromptRegistry } from "./prompt-registry.js";
import { requestContext, type SdkExtra } from "./request-context.js";
import { ResourceRegistry } from "./resource-registry.js";
import { onResourceUpdated } from "./resource-updates.js";

const MAX_COMPLETIONS = 100;

/** How the client reached this server: what the request spans say about the connection. */
export interface Connection {
  transport: "pipe" | "tcp";
  clientAddress?: string;
  /** Who calls when a request carries no authenticated principal (stdio: the local user). */
  principal?: Principal;
  /** The server outlives one request (stdio, stateful session): it gets list-changed and resource-updated notifications. */
  longLived?: boolean;
}

/**
 * Everything about a server definition that can be computed once: tool list, JSON Schemas, the
 * JSON Schema validator. `create()` then builds a fresh SDK `Server` cheaply, which stateless HTTP
 * needs per request so that no client state (initialize, log level) leaks to the next caller.
 * Every request runs inside a SERVER span that follows the MCP semantic conventions.
 */
export class ProtocolServerFactory {
  readonly definition: ServerDefinition;
  readonly trust: Trust;
  /** Tool calls in progress, which a graceful shutdown lets finish. */
  readonly inFlight = new InFlight();
  readonly #resources: ResourceRegistry;
  readonly #prompts: PromptRegistry;
  readonly #capabilities: ServerCapabilities;
  readonly #validator = new AjvJsonSchemaValidator();
  readonly #logger: Logger;

  constructor(definition: ServerDefinition, logger: Logger, trust: Trust = createTrust(definition, logger)) {
    this.definition = definition;
    this.#logger = logger;
    this.trust = trust;
    this.#resources = new ResourceRegistry(definition.resources ?? [], definition.resourceTemplates ?? []);
    this.#prompts = new PromptRegistry(definition.prompts ?? []);
    this.#capabilities = {
      logging: {},
      // The tool list changes at run time when operators use the kill switch.
      ...((definition.tools ?? []).length > 0 ? { tools: { listChanged: true } } : {}),
      ...(this.#resources.isEmpty ? {} : { resources: { listChanged: false, subscribe: this.#resources.subscribable } }),
      ...(this.#prompts.isEmpty ? {} : { prompts: { listChanged: false } }),
      ...(this.#resources.isEmpty && this.#prompts.isEmpty ? {} : { completions: {} }),
    };
  }

  create(connection: Connection): Server {
    const { name, title, version, description, instructions } = this.definition;
    const server = new Server(
      { name, version, ...(title ? { title } : {}), description },
      { capabilities: this.#capabilities, jsonSchemaValidator: this.#validator, ...(instructions ? { instructions } : {}) },
    );
    const traced = <T>(method: string, extra: SdkExtra, work: () => Promise<T>, target?: string, resourceUri?: string) =>
      traceOperation(
        {
          method,
          target,
          resourceUri,
          requestId: extra.requestId,
          sessionId: extra.sessionId,
          protocolVersion: header(extra, "mcp-protocol-version"),
          transport: connection.transport,
          clientAddress: clientAddressOf(extra.authInfo, connection.clientAddress),
          meta: extra._meta,
          headers: extra.requestInfo?.headers,
        },
        work,
      );
    const session = new ClientSession(server);
    if (connection.longLived) this.#notifyChanges(server);
    const fallback = connection.principal ?? LOCAL_PRINCIPAL;
    const principal = (extra: SdkExtra) => principalOf(extra.authInfo, fallback);
    if (this.#capabilities.tools) {
      server.setRequestHandler(ListToolsRequestSchema, (_request, extra) =>
        traced("tools/list", extra, () => Promise.resolve({ tools: this.trust.gate.visibleTools(principal(extra)) })),
      );
      server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
        traced(
          "tools/call",
          extra,
          () => this.#callTool(session, request.params, extra, principal(extra)),
          request.params.name,
        ),
      );
    }
    if (!this.#resources.isEmpty) {
      server.setRequestHandler(ListResourcesRequestSchema, async (_request, extra) =>
        traced("resources/list", extra, async () => ({ resources: await this.#resources.list() })),
      );
      server.setRequestHandler(ListResourceTemplatesRequestSchema, (_request, extra) =>
        traced("resources/templates/list", extra, () => Promise.resolve({ resourceTemplates: this.#resources.templateList })),
      );
      server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
        traced(
          "resources/read",
          extra,
          () => this.#resources.read(request.params.uri, requestContext(extra, this.#logger, principal(extra), session)),
          undefined,
          request.params.uri,
        ),
      );
    }
    if (!this.#prompts.isEmpty) {
      server.setRequestHandler(ListPromptsRequestSchema, (_request, extra) =>
        traced("prompts/list", extra, () => Promise.resolve({ prompts: this.#prompts.list })),
      );
      server.setRequestHandler(GetPromptRequestSchema, (request, extra) =>
        traced(
          "prompts/get",
          extra,
          () => this.#prompts.get(request.params.name, request.params.arguments, requestContext(extra, this.#logger, principal(extra), session)),
          request.params.name,
        ),
      );
    }
    if (this.#capabilities.completions) {
      server.setRequestHandler(CompleteRequestSchema, ({ params }, extra) =>
        traced("completion/complete", extra, async () => {
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
    return server;
  }

  /** Kill-switch changes and resource updates reach clients that stay connected. */
  #notifyChanges(server: Server): void {
    const subscriptions = new Set<string>();
    const unsubscribe = [
      this.trust.killSwitch.onChange(() => void server.sendToolListChanged().catch(() => undefined)),
      onResourceUpdated(this.definition, (uri) => {
        if (subscriptions.has(uri)) void server.sendResourceUpdated({ uri }).catch(() => undefined);
      }),
    ];
    if (this.#resources.subscribable) {
      server.setRequestHandler(SubscribeRequestSchema, ({ params }) => (subscriptions.add(params.uri), {}));
      server.setRequestHandler(UnsubscribeRequestSchema, ({ params }) => (subscriptions.delete(params.uri), {}));
    }
    server.onclose = () => {
      for (const stop of unsubscribe) stop();
    };
  }

  #callTool(
    session: ClientSession,
    params: { name: string; arguments?: Record<string, unknown>; _meta?: Record<string, unknown> },
    extra: SdkExtra,
    principal: Principal,
  ): Promise<CallToolResult> {
    const log = this.#logger;
    return this.inFlight.track(() =>
      this.trust.gate.call({
        name: params.name,
        args: params.arguments,
        meta: params._meta,
        principal,
        canElicit: supportsFormElicitation(session),
        ctx: (recordUndo) => requestContext(extra, log, principal, session, recordUndo),
      }),
    );
  }
}

function header(extra: SdkExtra, name: string): string | undefined {
  const value = extra.requestInfo?.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Form elicitation: declared as `{ form: {} }`, or as `{}` by clients from before URL mode existed. */
function supportsFormElicitation(session: ClientSession): boolean {
  const elicitation = session.capabilities?.elicitation as { form?: object; url?: object } | undefined;
  return elicitation !== undefined && (elicitation.form !== undefined || elicitation.url === undefined);
}
