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
  type ServerCapabilities,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { AnyTool, ServerDefinition } from "./define.js";
import { InFlight } from "./in-flight.js";
import { PromptRegistry } from "./prompt-registry.js";
import { requestContext } from "./request-context.js";
import { ResourceRegistry } from "./resource-registry.js";
import { runTool, toolListEntry } from "./tool-registry.js";

const MAX_COMPLETIONS = 100;

/**
 * Everything about a server definition that can be computed once: tool list, JSON Schemas, the
 * JSON Schema validator. `create()` then builds a fresh SDK `Server` cheaply, which stateless HTTP
 * needs per request so that no client state (initialize, log level) leaks to the next caller.
 */
export class ProtocolServerFactory {
  readonly definition: ServerDefinition;
  readonly toolList: Tool[];
  readonly #tools: Map<string, AnyTool>;
  readonly #resources: ResourceRegistry;
  readonly #prompts: PromptRegistry;
  readonly #capabilities: ServerCapabilities;
  readonly #validator = new AjvJsonSchemaValidator();
  readonly #logger: Logger;
  /** Tool calls in progress, which a graceful shutdown lets finish. */
  readonly inFlight = new InFlight();

  constructor(definition: ServerDefinition, logger: Logger) {
    this.definition = definition;
    this.#logger = logger;
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

  create(): Server {
    const { name, title, version, description, instructions } = this.definition;
    const server = new Server(
      { name, version, ...(title ? { title } : {}), description },
      { capabilities: this.#capabilities, jsonSchemaValidator: this.#validator, ...(instructions ? { instructions } : {}) },
    );
    const log = this.#logger;
    if (this.#tools.size > 0) {
      server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: this.toolList }));
      server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
        const tool = this.#tools.get(request.params.name);
        if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
        const toolLog = log.child({ tool: tool.name, requestId: extra.requestId });
        return this.inFlight.track(() => runTool(tool, request.params.arguments, requestContext(extra, toolLog), toolLog));
      });
    }
    if (!this.#resources.isEmpty) {
      server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: await this.#resources.list() }));
      server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: this.#resources.templateList }));
      server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
        this.#resources.read(request.params.uri, requestContext(extra, log)),
      );
    }
    if (!this.#prompts.isEmpty) {
      server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: this.#prompts.list }));
      server.setRequestHandler(GetPromptRequestSchema, (request, extra) =>
        this.#prompts.get(request.params.name, request.params.arguments, requestContext(extra, log)),
      );
    }
    if (this.#capabilities.completions) {
      server.setRequestHandler(CompleteRequestSchema, async ({ params }) => {
        const completer =
          params.ref.type === "ref/prompt"
            ? this.#prompts.completer(params.ref.name, params.argument.name)
            : this.#resources.completer(params.ref.uri, params.argument.name);
        const values = completer ? await completer(params.argument.value, { arguments: params.context?.arguments ?? {} }) : [];
        return {
          completion: { values: values.slice(0, MAX_COMPLETIONS), total: values.length, hasMore: values.length > MAX_COMPLETIONS },
        };
      });
    }
    return server;
  }
}
