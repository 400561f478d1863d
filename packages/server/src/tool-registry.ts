import type { Logger } from "pino";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { annotationsFor } from "./access.js";
import type { RequestContext } from "./context.js";
import type { AnyTool, ToolContent } from "./define.js";
import { EMPTY_OBJECT_SCHEMA, jsonSchemaOf } from "./json-schema.js";
import { errorReference } from "./request-context.js";
import { ToolError } from "./tool-error.js";

/** The MCP `tools/list` entry of a tool, with annotations derived from its access level. */
export function toolListEntry(tool: AnyTool): Tool {
  return {
    name: tool.name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    description: tool.description,
    inputSchema: (tool.input ? jsonSchemaOf(tool.input) : EMPTY_OBJECT_SCHEMA) as Tool["inputSchema"],
    ...(tool.output ? { outputSchema: jsonSchemaOf(tool.output, "output") as Tool["outputSchema"] } : {}),
    annotations: annotationsFor(tool.access, tool.hints, tool.title),
  };
}

/**
 * Runs one tool call to completion and never throws: bad arguments, a throwing handler and an
 * output that breaks the tool's own schema all become `isError` results, so one bad call cannot
 * take the server down. Only `ToolError` messages reach the caller verbatim.
 */
export async function runTool(tool: AnyTool, args: unknown, ctx: RequestContext, log: Logger): Promise<CallToolResult> {
  const parsed = (tool.input ?? z.object({})).safeParse(args ?? {});
  if (!parsed.success) {
    return errorResult(`Invalid arguments for tool ${tool.name}: ${z.prettifyError(parsed.error)}`);
  }
  let returned: unknown;
  try {
    returned = await tool.handler(parsed.data, ctx);
  } catch (error) {
    if (error instanceof ToolError) return errorResult(error.message);
    const reference = errorReference();
    log.error({ err: error, tool: tool.name, reference }, "tool handler threw");
    return errorResult(`Tool ${tool.name} failed with an internal error (reference ${reference}).`);
  }
  if (!tool.output) return toolContent(returned as ToolContent);
  const output = tool.output.safeParse(returned);
  if (!output.success) {
    const reference = errorReference();
    log.error({ tool: tool.name, reference, issues: output.error.issues }, "tool output does not match its schema");
    return errorResult(`Tool ${tool.name} returned an invalid result (reference ${reference}).`);
  }
  return {
    content: [{ type: "text", text: JSON.stringify(output.data) }],
    structuredContent: output.data,
  };
}

function toolContent(returned: ToolContent): CallToolResult {
  return typeof returned === "string" ? { content: [{ type: "text", text: returned }] } : returned;
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}
