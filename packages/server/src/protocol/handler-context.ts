import { randomUUID } from "node:crypto";
import type { Principal } from "@mcp-platform/auth";
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  LoggingLevel,
  Root,
} from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import { z } from "zod";
import type { Elicitation, InputOptions, RequestContext } from "../context.js";
import { jsonSchemaOf } from "../definition/json-schema.js";
import type { CallState } from "../tasks/tool-execution.js";
import { protocolVersionOf } from "./envelope.js";
import type { ProtocolContext } from "./request-context.js";
import type { RequestScope } from "./request-scope.js";

/** Persists a write tool's undo data for the action in progress. */
export type UndoRecorder = (data: unknown) => Promise<void>;

export interface HandlerContextParts {
  ctx: ProtocolContext;
  scope: RequestScope;
  logger: Logger;
  /** How questions get answered and what cancels the work: the request's, or its task's once it is one. */
  state: CallState;
  clientCapabilities: ClientCapabilities | undefined;
  recordUndo?: UndoRecorder;
}

const noUndo: UndoRecorder = () => Promise.resolve();

/**
 * The kit's handler context over the SDK's. Notifications go on the stream of the request being
 * answered, so they reach the caller in stateless HTTP too; questions to the client are rounds
 * (see `InputRounds`). A class, not an object of closures: one is made for every request.
 */
class HandlerContext implements RequestContext {
  readonly requestId: string | number;
  readonly sessionId: string | undefined;
  readonly clientCapabilities: ClientCapabilities | undefined;
  readonly principal: Principal;
  readonly recordUndo: UndoRecorder;
  readonly #parts: HandlerContextParts;
  #log: Logger | undefined;

  constructor(parts: HandlerContextParts) {
    this.#parts = parts;
    this.requestId = parts.scope.requestId ?? parts.ctx.mcpReq.id;
    this.sessionId = parts.ctx.sessionId;
    this.clientCapabilities = parts.clientCapabilities;
    this.principal = parts.scope.principal;
    this.recordUndo = parts.recordUndo ?? noUndo;
  }

  get signal(): AbortSignal {
    return this.#parts.state.signal;
  }

  get protocolVersion(): string | undefined {
    return protocolVersionOf(this.#parts.ctx, this.#parts.scope);
  }

  /** A child logger compiles its bindings and redaction: made only for handlers that log. */
  get log(): Logger {
    return (this.#log ??= this.#parts.logger.child({ requestId: this.requestId, subject: this.principal.subject }));
  }

  async progress(progress: number, total?: number, message?: string): Promise<void> {
    const { ctx, state } = this.#parts;
    const progressToken = ctx.mcpReq._meta?.progressToken;
    if (progressToken === undefined || state.inTask) return;
    await ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, progress, total, message } });
  }

  async notify(level: LoggingLevel, data: unknown, loggerName?: string): Promise<void> {
    if (!this.#parts.state.inTask) await this.#parts.ctx.mcpReq.log(level, data, loggerName);
  }

  async elicit(message: string, schema: z.ZodObject | ElicitRequestFormParams["requestedSchema"], options?: InputOptions): Promise<Elicitation<never>> {
    const zod = schema instanceof z.ZodObject ? schema : undefined;
    const requestedSchema = zod ? jsonSchemaOf(zod) : (schema as Record<string, unknown>);
    const accepts = zod && ((content: unknown) => zod.safeParse(content).success);
    const answer = (await this.#parts.state.questions.elicit({ message, requestedSchema }, options?.key, accepts)) as {
      action: Elicitation<unknown>["action"];
      content?: unknown;
    };
    if (answer.action !== "accept") return { action: answer.action };
    return { action: "accept", content: (zod ? zod.parse(answer.content ?? {}) : (answer.content ?? {})) as never };
  }

  async sample(params: CreateMessageRequestParams, options?: InputOptions): Promise<CreateMessageResult> {
    return (await this.#parts.state.questions.sample(params, options?.key)) as CreateMessageResult;
  }

  async listRoots(options?: InputOptions): Promise<Root[]> {
    return ((await this.#parts.state.questions.listRoots(options?.key)) as { roots: Root[] }).roots;
  }

  closeStream(): void {
    this.#parts.ctx.http?.closeSSE?.();
  }

  startTask(): Promise<void> {
    return this.#parts.state.startTask();
  }
}

export function handlerContext(parts: HandlerContextParts): RequestContext {
  return new HandlerContext(parts);
}

/** A short id that ties a safe error message to the full log line. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}
