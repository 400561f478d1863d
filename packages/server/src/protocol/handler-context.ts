import { randomUUID } from "node:crypto";
import type { ClientCapabilities, CreateMessageResult, ElicitRequestFormParams, Root, ServerContext } from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import { z } from "zod";
import type { Elicitation, InputOptions, RequestContext } from "../context.js";
import { jsonSchemaOf } from "../definition/json-schema.js";
import type { CallState } from "../tasks/tool-execution.js";
import { protocolVersionOf } from "./envelope.js";
import type { RequestScope } from "./request-scope.js";

/** Persists a write tool's undo data for the action in progress. */
export type UndoRecorder = (data: unknown) => Promise<void>;

export interface HandlerContextParts {
  ctx: ServerContext;
  scope: RequestScope;
  logger: Logger;
  /** How questions get answered and what cancels the work: the request's, or its task's once it is one. */
  state: CallState;
  clientCapabilities: ClientCapabilities | undefined;
  recordUndo?: UndoRecorder;
}

/**
 * The kit's handler context over the SDK's. Notifications go on the stream of the request being
 * answered, so they reach the caller in stateless HTTP too; questions to the client are rounds
 * (see `InputRounds`).
 */
export function handlerContext({ ctx, scope, logger, state, clientCapabilities, recordUndo = () => Promise.resolve() }: HandlerContextParts): RequestContext {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  const requestId = scope.requestId ?? ctx.mcpReq.id;
  let log: Logger | undefined;
  return {
    get signal() {
      return state.signal;
    },
    requestId,
    sessionId: ctx.sessionId,
    protocolVersion: protocolVersionOf(ctx, scope),
    clientCapabilities,
    principal: scope.principal,
    // A child logger compiles its bindings and redaction: made only for handlers that log.
    get log() {
      return (log ??= logger.child({ requestId, subject: scope.principal.subject }));
    },
    recordUndo,
    async progress(progress, total, message) {
      if (progressToken === undefined || state.inTask) return;
      await ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, progress, total, message } });
    },
    async notify(level, data, loggerName) {
      if (!state.inTask) await ctx.mcpReq.log(level, data, loggerName);
    },
    async elicit(message: string, schema: z.ZodObject | ElicitRequestFormParams["requestedSchema"], options?: InputOptions): Promise<Elicitation<never>> {
      const zod = schema instanceof z.ZodObject ? schema : undefined;
      const requestedSchema = zod ? jsonSchemaOf(zod) : (schema as Record<string, unknown>);
      const accepts = zod && ((content: unknown) => zod.safeParse(content).success);
      const answer = (await state.questions.elicit({ message, requestedSchema }, options?.key, accepts)) as { action: Elicitation<unknown>["action"]; content?: unknown };
      if (answer.action !== "accept") return { action: answer.action };
      return { action: "accept", content: (zod ? zod.parse(answer.content ?? {}) : (answer.content ?? {})) as never };
    },
    async sample(params, options) {
      return (await state.questions.sample(params, options?.key)) as CreateMessageResult;
    },
    async listRoots(options) {
      return ((await state.questions.listRoots(options?.key)) as { roots: Root[] }).roots;
    },
    closeStream() {
      ctx.http?.closeSSE?.();
    },
    startTask() {
      return state.startTask();
    },
  };
}

/** A short id that ties a safe error message to the full log line. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}
