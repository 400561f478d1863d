import type { ServerContext } from "@modelcontextprotocol/server";

/**
 * What the kit reads of a request's protocol context: the SDK's `ServerContext`, or the one the
 * tool-call fast path builds for the requests it serves without the SDK's dispatch.
 */
export interface ProtocolContext {
  sessionId?: string;
  mcpReq: Pick<ServerContext["mcpReq"], "id" | "method" | "_meta" | "envelope" | "inputResponses" | "requestState" | "signal" | "notify" | "log">;
  http?: Pick<NonNullable<ServerContext["http"]>, "authInfo" | "req" | "closeSSE">;
}
