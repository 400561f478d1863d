import { randomUUID } from "node:crypto";
import type { Principal } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  type ServerNotification,
  type ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { Elicitation, RequestContext } from "./context.js";
import { jsonSchemaOf } from "./json-schema.js";

export type SdkExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Wraps the SDK's per-request extras in the kit's handler context. Notifications and requests go on
 * the stream of the request being answered, so they reach the caller in stateless HTTP too.
 */
export function requestContext(extra: SdkExtra, logger: Logger, principal: Principal, undo: { data?: unknown } = {}): RequestContext {
  const progressToken = extra._meta?.progressToken;
  return {
    signal: extra.signal,
    requestId: extra.requestId,
    sessionId: extra.sessionId,
    principal,
    log: logger,
    recordUndo(data) {
      undo.data = data;
    },
    async progress(progress, total, message) {
      if (progressToken === undefined) return;
      await extra.sendNotification({
        method: "notifications/progress",
        params: { progressToken, progress, total, message },
      });
    },
    async notify(level, data) {
      await extra.sendNotification({ method: "notifications/message", params: { level, data } });
    },
    async elicit<S extends z.ZodObject>(message: string, schema: S): Promise<Elicitation<z.output<S>>> {
      const result = await extra.sendRequest(
        {
          method: "elicitation/create",
          params: { mode: "form", message, requestedSchema: jsonSchemaOf(schema) as never },
        },
        ElicitResultSchema,
      );
      if (result.action !== "accept") return { action: result.action };
      return { action: "accept", content: schema.parse(result.content ?? {}) };
    },
    async sample(params) {
      return extra.sendRequest({ method: "sampling/createMessage", params }, CreateMessageResultSchema);
    },
  };
}

/** A short id that ties a safe error message to the full log line. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}
