import type { CallToolResult, GetPromptResult, PromptMessage, ReadResourceResult } from "@modelcontextprotocol/server";
import type { z } from "zod";
import type { RequestContext } from "../context.js";
import type { AccessLevel, ToolHints } from "./access.js";
import { checkCacheHint, type CacheHint } from "./cache-hint.js";
import { checkHeaderParameters } from "./header-parameters.js";
import type { JsonSchemaInput } from "./json-schema-input.js";
import { safeguardsProblem, type Waiver } from "./safeguards.js";
import { toolInputSchema } from "./tool-entry.js";

type InputShape = z.ZodObject;
/** A tool's input: a zod object, or a JSON Schema taken as it is (`jsonSchemaInput`). */
type ToolInput = InputShape | JsonSchemaInput;
type InputOf<I extends ToolInput> = I extends InputShape ? z.output<I> : Record<string, unknown>;

/** What a tool without an `output` schema returns: plain text or a full MCP result. */
export type ToolContent = string | CallToolResult;

/**
 * A tool on its way out. It keeps working until `sunset`, announces itself in its description and
 * `_meta`, and after `sunset` refuses with an error that names `replacement`.
 */
export interface Deprecation {
  /** ISO date (YYYY-MM-DD) the deprecation was announced. */
  since: string;
  /** ISO date (YYYY-MM-DD) after which calls are refused; at least the policy's window after `since`. */
  sunset: string;
  /** The tool to use instead (in the same server). */
  replacement: string;
  reason: string;
}

export interface ToolDefinition<I extends ToolInput = InputShape, O extends InputShape | undefined = undefined> {
  /** snake_case, unique within the server. */
  name: string;
  title?: string;
  description: string;
  access: AccessLevel;
  hints?: ToolHints;
  deprecated?: Deprecation;
  input?: I;
  /** When given, the handler returns this shape and the kit sends it as `structuredContent`. */
  output?: O;
  handler: (
    input: InputOf<I>,
    ctx: RequestContext,
  ) => Promise<O extends InputShape ? z.input<O> : ToolContent> | (O extends InputShape ? z.input<O> : ToolContent);
  /**
   * Write/destructive tools: describes what a call would do, without doing it. Shown to the human
   * who approves the call (elicitation message, or the plan of the two-step flow).
   */
  plan?: (input: InputOf<I>, ctx: RequestContext) => Promise<string> | string;
  /** Write/destructive tools: reverts one recorded action, given what the handler passed to `ctx.recordUndo`. */
  undo?: (action: UndoRequest, ctx: RequestContext) => Promise<string> | string;
  /** Write/destructive tools without `undo`: why a call cannot be reverted (the policy asks destructive tools for one or the other). */
  irreversible?: string;
  /** Exceptions to the fleet's policy for this tool, each with a reason and an expiry (README: Policy). */
  waivers?: readonly Waiver[];
  /**
   * How long clients may cache `tools/list` while this tool is in it: the list's `ttlMs` is the
   * smallest hint of the tools it shows (for a tool whose definition changes often, say).
   */
  cache?: Pick<CacheHint, "ttlMs">;
  /**
   * Long work runs as a task (the `io.modelcontextprotocol/tasks` extension, 2026-07-28): the
   * client gets a task handle at once and polls it; the task lives in the action store, so any
   * replica answers for it, after restarts too. `optional`: clients without task support wait
   * for the result as usual; `required`: they are refused. See `TaskOptions` for more.
   */
  task?: TaskMode | TaskOptions;
}

export type TaskMode = "optional" | "required";

export interface TaskOptions {
  mode: TaskMode;
  /**
   * The handler starts the task itself with `await ctx.startTask()`, after the questions it must
   * ask first (those are rounds of the call; the ones after it wait for `tasks/update`). Without
   * it the task starts before the handler runs. Approval always comes before the task.
   */
  startsInHandler?: boolean;
  /** How long the task stays readable after it starts; `null`: until the store is purged. Default one hour. */
  ttlMs?: number | null;
  /** How often clients should poll. Default 500 ms. */
  pollIntervalMs?: number;
}

export interface UndoRequest {
  actionId: string;
  undoData: unknown;
}

export type AnyTool = ToolDefinition<ToolInput, InputShape | undefined>;

export function defineTool<I extends ToolInput = z.ZodObject<Record<never, never>>, O extends InputShape | undefined = undefined>(
  tool: ToolDefinition<I, O>,
): ToolDefinition<I, O> {
  return tool;
}

/** A resource body: text, binary, or the full MCP contents list. */
export type ResourceBody = string | { text: string; mimeType?: string } | { blob: Uint8Array; mimeType?: string } | ReadResourceResult;

interface ResourceMetadata {
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

export interface ResourceDefinition extends ResourceMetadata {
  uri: string;
  /** How long clients (and, if `public`, shared caches) may keep what `resources/read` returns. */
  cache?: CacheHint;
  /** Clients may subscribe; announce changes with `resourceUpdated(server, uri)`. */
  subscribable?: boolean;
  read: (ctx: RequestContext) => Promise<ResourceBody> | ResourceBody;
}

export function defineResource(resource: ResourceDefinition): ResourceDefinition {
  return resource;
}

export type Completer = (value: string, ctx: { arguments: Record<string, string> }) => Promise<string[]> | string[];

export interface ResourceTemplateDefinition extends ResourceMetadata {
  /** An RFC 6570 URI template, e.g. `runbook://{slug}`. */
  uriTemplate: string;
  /** How long clients (and, if `public`, shared caches) may keep what `resources/read` returns. */
  cache?: CacheHint;
  /** Lists the concrete resources, when they can be enumerated. */
  list?: () => Promise<{ uri: string; name: string; title?: string; description?: string }[]>;
  /** Completions for the template's variables (`completion/complete`). */
  complete?: Record<string, Completer>;
  /** Returns `undefined` when nothing exists at `uri`: the caller gets MCP's resource-not-found error. */
  read: (uri: string, variables: Record<string, string | string[]>, ctx: RequestContext) => Promise<ResourceBody | undefined> | ResourceBody | undefined;
}

export function defineResourceTemplate(template: ResourceTemplateDefinition): ResourceTemplateDefinition {
  return template;
}

export interface PromptDefinition<A extends InputShape = InputShape> {
  name: string;
  title?: string;
  description?: string;
  /** Prompt arguments are strings in MCP; `.describe()` becomes the argument's description. */
  args?: A;
  complete?: Partial<Record<keyof z.output<A> & string, Completer>>;
  get: (args: z.output<A>, ctx: RequestContext) => Promise<string | PromptMessage[] | GetPromptResult> | string | PromptMessage[] | GetPromptResult;
}

export type AnyPrompt = PromptDefinition<InputShape>;

export function definePrompt<A extends InputShape = z.ZodObject<Record<never, never>>>(prompt: PromptDefinition<A>): PromptDefinition<A> {
  return prompt;
}

export interface ServerDefinition {
  /** kebab-case; also the prefix of the server's scopes. */
  name: string;
  title?: string;
  /** Use `packageVersion(import.meta.url)` so the advertised version is the released one. */
  version: string;
  /** The owning team, as in CODEOWNERS (e.g. `team-sre`). */
  owner: string;
  description: string;
  instructions?: string;
  /** The transport when `MCP_TRANSPORT` is not set: `stdio` (the default) or `http`. */
  transport?: "stdio" | "http";
  /** Scope names per access level; defaults to `<name>:read`, `<name>:write`, `<name>:admin` (destructive). */
  scopes?: Partial<ScopeNames>;
  /**
   * Cache hints for list results (`tools/list`, `prompts/list`, `resources/list`, templates) on
   * 2026-07-28; the default is `ttlMs: 0`, `private`. A list that differs per caller (tools
   * filtered by scope) is always `private`.
   */
  cache?: CacheHint;
  tools?: readonly AnyTool[];
  resources?: readonly ResourceDefinition[];
  resourceTemplates?: readonly ResourceTemplateDefinition[];
  prompts?: readonly AnyPrompt[];
  /**
   * The one-off integrations this server made unnecessary, as `<kind>:<name>` (`cron:rotate-keys`,
   * `webhook:pagerduty-ack`): the catalog and the outcome report count them across the fleet.
   */
  replaces?: readonly string[];
}

export interface ScopeNames {
  read: string;
  write: string;
  admin: string;
}

const SERVER_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const REPLACED_INTEGRATION = /^[a-z][a-z0-9-]*:\S+$/;
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Checks a server definition once, at start, so mistakes fail loudly before any client connects. */
export function defineServer<const S extends ServerDefinition>(server: S): S {
  if (!SERVER_NAME.test(server.name)) throw new Error(`Server name "${server.name}" must be kebab-case`);
  assertUnique(
    "tool",
    (server.tools ?? []).map((t) => t.name),
  );
  assertUnique(
    "prompt",
    (server.prompts ?? []).map((p) => p.name),
  );
  assertUnique(
    "resource",
    (server.resources ?? []).map((r) => r.uri),
  );
  assertUnique("replaced integration", [...(server.replaces ?? [])]);
  for (const integration of server.replaces ?? []) {
    if (!REPLACED_INTEGRATION.test(integration)) {
      throw new Error(`Server "${server.name}": replaces "${integration}" must be <kind>:<name>, such as cron:rotate-keys`);
    }
  }
  checkCacheHint(server.cache, `Server "${server.name}"`);
  for (const resource of [...(server.resources ?? []), ...(server.resourceTemplates ?? [])]) {
    checkCacheHint(resource.cache, `Resource "${resource.name}"`);
  }
  for (const tool of server.tools ?? []) {
    checkCacheHint(tool.cache, `Tool "${tool.name}"`);
    if (!TOOL_NAME.test(tool.name)) {
      throw new Error(`Tool name "${tool.name}" must be 1-128 characters of A-Z, a-z, 0-9, "_", "-" or "."`);
    }
    const safeguards = safeguardsProblem(tool);
    if (safeguards) throw new Error(`Tool "${tool.name}" ${safeguards}`);
    if (tool.input && "shape" in tool.input && "approval_token" in tool.input.shape) {
      throw new Error(`Tool "${tool.name}": the input name approval_token is reserved by the kit`);
    }
    const headerProblem = checkHeaderParameters(toolInputSchema(tool));
    if (headerProblem) throw new Error(`Tool "${tool.name}": ${headerProblem}`);
  }
  return server;
}

function assertUnique(kind: string, names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Duplicate ${kind} "${name}"`);
    seen.add(name);
  }
}
