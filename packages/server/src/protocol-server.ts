import { decisions, traceOperation } from "@mcp-platform/telemetry";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
  type ServerCapabilities,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { AnyTool, ServerDefinition } from "./define.js";
import { InFlight } from "./in-flight.js";
import { PromptRegistry } from "./prompt-registry.js";
import { requestContext, type SdkExtra } from "./request-context.js";
import { ResourceRegistry } from "./resource-registry.js";
import { runTool, toolListEntry } from "./tool-registry.js";

const MAX_COMPLETIONS = 100;

/** How the client reached this server: what the request spans say about the connection. */
export interface Connection {
  transport: "pipe" | "tcp";
  clientAddress?: string;
}

export interface ProtocolServerOptions {
  /** Record tool arguments and results on spans (secret-looking keys redacted). Off by default. */
  recordToolPayloads?: boolean;
}

/**
 * Everything about a server definition that can be computed once: tool list, JSON Schemas, the
 * JSON Schema validator. `create()` then builds a fresh SDK `Server` cheaply, which stateless HTTP
 * needs per request so that no client state (initialize, log level) leaks to the next caller.
 * Every request runs inside a SERVER span that follows the MCP semantic conventions.
 */
export class ProtocolServerFactory {
  readonly definition: ServerDefinition;
  readonly toolList: Tool[];
  /** Tool calls in progress, which a graceful shutdown lets finish. */
  readonly inFlight = new InFlight();
  readonly #tools: Map<string, AnyTool>;
  readonly #resources: ResourceRegistry;
  readonly #prompts: PromptRegistry;
  readonly #capabilities: ServerCapabilities;
  readonly #validator = new AjvJsonSchemaValidator();
  readonly #logger: Logger;
  readonly #recordToolPayloads: boolean;

  constructor(definition: ServerDefinition, logger: Logger, options: ProtocolServerOptions = {}) {
    this.definition = definition;
    this.#logger = logger;
    this.#recordToolPayloads = options.recordToolPayloads ?? false;
    this.#tools = new Map((definition.tools ?? []).map((t) => [t.name, t]));
    this.toolList = (definition.tools ?? []).map(toolListEntry);
    this.#resources = new ResourceRegistry(definition.resources ?? [], definition.resourceTemplates ?? []);
    this.#prompts = new PromptRegistry(definition.prompts ?? []);
    this.#capabilities = {
      logging: {},
      ...(this.#tools.size > 0 ? { tools: { listChanged: false } } : {}),
      ...(this.#resources.isEmpty ? {} : { resources: { listChanged: false, subscribe: false } }),
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
          clientAddress: connection.clientAddress,
          meta: extra._meta,
          headers: extra.requestInfo?.headers,
        },
        work,
      );
    if (this.#tools.size > 0) {
      server.setRequestHandler(ListToolsRequestSchema, (_request, extra) =>
        traced("tools/list", extra, () => Promise.resolve({ tools: this.toolList })),
      );
      server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
        traced("tools/call", extra, () => this.#callTool(request.params.name, request.params.arguments, extra), request.params.name),
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
          () => this.#resources.read(request.params.uri, requestContext(extra, this.#logger)),
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
          () => this.#prompts.get(request.params.name, request.params.arguments, requestContext(extra, this.#logger)),
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

  async #callTool(name: string, args: unknown, extra: SdkExtra): Promise<CallToolResult> {
    const tool = this.#tools.get(name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    const log = this.#logger.child({ tool: name, requestId: extra.requestId });
    return this.inFlight.track(async () => {
      if (this.#recordToolPayloads) decisions.toolPayload("arguments", args);
      const result = await runTool(tool, args, requestContext(extra, log), log);
      if (this.#recordToolPayloads) decisions.toolPayload("result", result);
      decisions.toolCall(name, result.isError ? "tool_error" : "success");
      return result;
    });
  }
}

function header(extra: SdkExtra, name: string): string | undefined {
  const value = extra.requestInfo?.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
