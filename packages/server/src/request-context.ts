import { randomUUID } from "node:crypto";
import type { Principal } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  type ElicitRequestFormParams,
  type ServerNotification,
  type ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ClientSession } from "./client-session.js";
import type { Elicitation, RequestContext } from "./context.js";
import { jsonSchemaOf } from "./json-schema.js";
import { ToolError } from "./tool-error.js";

export type SdkExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Persists a write tool's undo data for the action in progress. */
export type UndoRecorder = (data: unknown) => Promise<void>;

/**
 * Wraps the SDK's per-request extras in the kit's handler context. Notifications and requests go on
 * the stream of the request being answered, so they reach the caller in stateless HTTP too.
 */
export function requestContext(
  extra: SdkExtra,
  logger: Logger,
  principal: Principal,
  session: ClientSession | undefined,
  recordUndo: UndoRecorder = () => Promise.resolve(),
): RequestContext {
  const progressToken = extra._meta?.progressToken;
  let log: Logger | undefined;
  return {
    signal: extra.signal,
    requestId: extra.requestId,
    sessionId: extra.sessionId,
    principal,
    // A child logger compiles its bindings and redaction: made only for handlers that log.
    get log() {
      return (log ??= logger.child({ requestId: extra.requestId, subject: principal.subject }));
    },
    recordUndo,
    async progress(progress, total, message) {
      if (progressToken === undefined) return;
      await extra.sendNotification({
        method: "notifications/progress",
        params: { progressToken, progress, total, message },
      });
    },
    async notify(level, data, loggerName) {
      if (session && !session.wants(level)) return;
      await extra.sendNotification({ method: "notifications/message", params: { level, data, ...(loggerName ? { logger: loggerName } : {}) } });
    },
    async elicit(message: string, schema: z.ZodObject | ElicitRequestFormParams["requestedSchema"]): Promise<Elicitation<never>> {
      if (session && !session.capabilities?.elicitation) throw new ToolError("This client does not support elicitation");
      const zod = schema instanceof z.ZodObject ? schema : undefined;
      const requestedSchema = zod ? (jsonSchemaOf(zod) as ElicitRequestFormParams["requestedSchema"]) : (schema as ElicitRequestFormParams["requestedSchema"]);
      const result = await extra.sendRequest({ method: "elicitation/create", params: { mode: "form", message, requestedSchema } }, ElicitResultSchema);
      if (result.action !== "accept") return { action: result.action };
      return { action: "accept", content: (zod ? zod.parse(result.content ?? {}) : (result.content ?? {})) as never };
    },
    async sample(params) {
      if (session && !session.capabilities?.sampling) throw new ToolError("This client does not support sampling");
      return extra.sendRequest({ method: "sampling/createMessage", params }, CreateMessageResultSchema);
    },
    closeStream() {
      extra.closeSSEStream?.();
    },
  };
}

/** A short id that ties a safe error message to the full log line. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}
