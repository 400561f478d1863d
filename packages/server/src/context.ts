import type { Principal } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  LoggingLevel,
  Root,
} from "@modelcontextprotocol/server";
import type { z } from "zod";

/** What every handler (tool, resource, prompt) gets besides its input. */
export interface RequestContext {
  /** Aborted when the caller cancels or disconnects, or the server drains past its deadline. */
  readonly signal: AbortSignal;
  readonly requestId: string | number;
  /** A 2025-11-25 stateful HTTP session, if the client is in one. */
  readonly sessionId: string | undefined;
  /** The MCP revision this request was made under (`2026-07-28`, `2025-11-25`, ...), when known. */
  readonly protocolVersion: string | undefined;
  /**
   * What the client says it can do: declared on each request on 2026-07-28, at `initialize` for a
   * 2025 session (undefined for a stateless 2025 request, which can be asked nothing).
   */
  readonly clientCapabilities: ClientCapabilities | undefined;
  /** Who is calling (token subject, or the local user under stdio). */
  readonly principal: Principal;
  /** A pino child logger bound to this request (stderr, never stdout). */
  readonly log: Logger;
  /** Reports progress when the caller asked for it (`_meta.progressToken`); otherwise does nothing. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends an MCP log message (`notifications/message`) to the caller, unless below the level it set. */
  notify(level: LoggingLevel, data: unknown, logger?: string): Promise<void>;
  /**
   * Asks the human behind the client for structured input (MCP elicitation, form mode). A zod
   * schema validates the answer; a raw requested schema (enums with titles and the like) is sent
   * as written and the answer returned unchecked.
   *
   * On 2026-07-28 this is a multi round-trip request: the first time, the handler's round ends
   * here; the client asks its user and retries, and the handler runs again from the start with the
   * answer in place. Keep code before `elicit` free of side effects (it runs once per round).
   * A client that cannot answer gets -32021 (2026-07-28) or an error result (2025).
   */
  elicit<S extends z.ZodObject>(message: string, schema: S, options?: InputOptions): Promise<Elicitation<z.output<S>>>;
  elicit(message: string, schema: ElicitRequestFormParams["requestedSchema"], options?: InputOptions): Promise<Elicitation<Record<string, unknown>>>;
  /**
   * Closes the SSE stream of this call while it keeps running; the client reconnects and gets the
   * result from the event store (SSE polling, for long calls behind proxies that cut idle streams).
   * Only in stateful HTTP sessions; elsewhere it does nothing.
   */
  closeStream(): void;
  /**
   * For write tools with `undo`: what the undo handler will need to revert this action (the previous
   * state, say). Await it before changing anything: it is written to the store at once, so the
   * action can be reverted even if this process dies before the handler returns.
   */
  recordUndo(data: unknown): Promise<void>;
  /** Asks the client's model for a completion (MCP sampling, deprecated by 2026-07-28); a round trip like `elicit`. */
  sample(params: CreateMessageRequestParams, options?: InputOptions): Promise<CreateMessageResult>;
  /** Asks the client for its roots (MCP roots, deprecated by 2026-07-28); a round trip like `elicit`. */
  listRoots(options?: InputOptions): Promise<Root[]>;
  /**
   * For a tool with `task: { startsInHandler: true }`: from here on the call is a task. The client
   * gets its task handle now and the rest of the handler runs on in the background (`signal` is
   * then the task's cancellation; questions wait for the client's `tasks/update`). Does nothing
   * when the call does not run as a task.
   */
  startTask(): Promise<void>;
}

export interface InputOptions {
  /**
   * The question's key in the round's `inputRequests` (what the client answers under). By default
   * questions are numbered in the order the handler asks them.
   */
  key?: string;
}

export type Elicitation<T> = { action: "accept"; content: T } | { action: "decline" | "cancel"; content?: undefined };
