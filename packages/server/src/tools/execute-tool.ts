import { ProtocolError, type CallToolResult } from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import type { RequestContext } from "../context.js";
import type { AnyTool, ToolContent } from "../definition/define.js";
import { ToolError } from "../definition/tool-error.js";
import { errorReference } from "../protocol/handler-context.js";
import { InputNeeded } from "../protocol/input-rounds.js";
import { errorResult, toolContent } from "./tool-result.js";

/**
 * Runs a handler to completion and never throws, but to end a round (`InputNeeded`) or with a
 * JSON-RPC error (`ProtocolError`, -32021 for a client that lacks a capability): a throwing
 * handler and an output that breaks the tool's own schema become `isError` results, so one bad
 * call cannot take the server down. Only `ToolError` messages reach the caller verbatim.
 */
export async function executeTool(tool: AnyTool, input: Record<string, unknown>, ctx: RequestContext): Promise<CallToolResult> {
  let returned: unknown;
  try {
    returned = await tool.handler(input, ctx);
  } catch (error) {
    // Protocol outcomes, not tool failures: a round ends, the client cannot answer (-32021), or
    // the handler answers with a JSON-RPC error on purpose.
    if (error instanceof InputNeeded || error instanceof ProtocolError) throw error;
    return handlerError(tool.name, error, ctx.log, ctx.signal.aborted);
  }
  if (!tool.output) return toolContent(returned as ToolContent);
  const output = tool.output.safeParse(returned);
  if (!output.success) {
    const reference = errorReference();
    ctx.log.error({ tool: tool.name, reference, issues: output.error.issues }, "tool output does not match its schema");
    return errorResult(`Tool ${tool.name} returned an invalid result (reference ${reference}).`);
  }
  return { content: [{ type: "text", text: JSON.stringify(output.data) }], structuredContent: output.data };
}

/** A handler's error as the caller sees it: a ToolError's own message, else a reference to the log. */
function handlerError(tool: string, error: unknown, log: Logger, cancelled: boolean): CallToolResult {
  if (error instanceof ToolError) return errorResult(error.message);
  // Its caller (or the task's client) gave up on it: nobody reads this, and it is no failure.
  if (cancelled) return errorResult(`Tool ${tool} was cancelled.`);
  return internalErrorResult(tool, error, log);
}

/** An unexpected failure as the caller sees it: a reference to the log line that has the details. */
export function internalErrorResult(tool: string, error: unknown, log: Logger): CallToolResult {
  const reference = errorReference();
  log.error({ err: error, tool, reference }, "tool call failed");
  return errorResult(`Tool ${tool} failed with an internal error (reference ${reference}).`);
}
