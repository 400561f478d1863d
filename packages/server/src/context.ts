import type { Principal } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type { CreateMessageRequest, CreateMessageResult, ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";

/** What every handler (tool, resource, prompt) gets besides its input. */
export interface RequestContext {
  /** Aborted when the caller cancels or disconnects, or the server drains past its deadline. */
  readonly signal: AbortSignal;
  readonly requestId: string | number;
  readonly sessionId: string | undefined;
  /** Who is calling (token subject, or the local user under stdio). */
  readonly principal: Principal;
  /** A pino child logger bound to this request (stderr, never stdout). */
  readonly log: Logger;
  /** Reports progress when the caller asked for it (`_meta.progressToken`); otherwise does nothing. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends an MCP log message (`notifications/message`) to the caller. */
  notify(level: "debug" | "info" | "notice" | "warning" | "error", data: unknown): Promise<void>;
  /** Asks the human behind the client for structured input (MCP elicitation, form mode). */
  elicit<S extends z.ZodObject>(message: string, schema: S): Promise<Elicitation<z.output<S>>>;
  /**
   * For write tools with `undo`: what the undo handler will need to revert this action (the previous
   * state, say). Stored with the action record; survives restarts.
   */
  recordUndo(data: unknown): void;
  /** Asks the client's model for a completion (MCP sampling). */
  sample(params: CreateMessageRequest["params"]): Promise<CreateMessageResult>;
}

export type Elicitation<T> =
  | { action: "accept"; content: T }
  | { action: "decline" | "cancel"; content?: undefined };

export type ElicitResultContent = ElicitResult["content"];
