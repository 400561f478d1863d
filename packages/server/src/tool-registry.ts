import type { Logger } from "pino";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { annotationsFor } from "./access.js";
import type { RequestContext } from "./context.js";
import type { AnyTool, ToolContent } from "./define.js";
import { EMPTY_OBJECT_SCHEMA, jsonSchemaOf } from "./json-schema.js";
import { isJsonSchemaInput, validateJsonSchemaInput } from "./json-schema-input.js";
import { APPROVAL_TOKEN_ARGUMENT } from "./policy/approval-argument.js";
import { DEPRECATION_META_KEY, deprecationNotice } from "./policy/deprecation.js";
import { errorReference } from "./request-context.js";
import { ToolError } from "./tool-error.js";

/**
 * The MCP `tools/list` entry of a tool: annotations derived from its access level, a deprecation
 * notice and record when deprecated, and the kit's optional approval argument on write tools.
 */
export function toolListEntry(tool: AnyTool): Tool {
  let inputSchema = !tool.input ? EMPTY_OBJECT_SCHEMA : isJsonSchemaInput(tool.input) ? tool.input.schema : jsonSchemaOf(tool.input);
  if (tool.access !== "read") {
    const properties = (inputSchema.properties ?? {}) as Record<string, unknown>;
    inputSchema = { ...inputSchema, properties: { ...properties, [APPROVAL_TOKEN_ARGUMENT]: APPROVAL_TOKEN_SCHEMA } };
  }
  return {
    name: tool.name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    description: tool.deprecated ? `${deprecationNotice(tool.deprecated)}\n\n${tool.description}` : tool.description,
    inputSchema: inputSchema as Tool["inputSchema"],
    ...(tool.output ? { outputSchema: jsonSchemaOf(tool.output, "output") as Tool["outputSchema"] } : {}),
    annotations: annotationsFor(tool.access, tool.hints, tool.title),
    ...(tool.deprecated ? { _meta: { [DEPRECATION_META_KEY]: tool.deprecated } } : {}),
  };
}

const APPROVAL_TOKEN_SCHEMA = {
  type: "string",
  description: "Leave out on the first call. If the result asks for approval, call again with the same arguments and this token.",
};

export type ParsedArguments = { ok: true; input: Record<string, unknown> } | { ok: false; result: CallToolResult };

export function parseToolArguments(tool: AnyTool, args: Record<string, unknown>): ParsedArguments {
  if (isJsonSchemaInput(tool.input)) {
    const checked = validateJsonSchemaInput(tool.input, args);
    if (checked.ok) return { ok: true, input: args };
    return { ok: false, result: errorResult(`Invalid arguments for tool ${tool.name}: ${checked.message}`) };
  }
  const parsed = (tool.input ?? z.object({})).safeParse(args);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, result: errorResult(`Invalid arguments for tool ${tool.name}: ${z.prettifyError(parsed.error)}`) };
}

/**
 * Runs a handler to completion and never throws: a throwing handler and an output that breaks the
 * tool's own schema become `isError` results, so one bad call cannot take the server down. Only
 * `ToolError` messages reach the caller verbatim.
 */
export async function executeTool(tool: AnyTool, input: Record<string, unknown>, ctx: RequestContext): Promise<CallToolResult> {
  let returned: unknown;
  try {
    returned = await tool.handler(input, ctx);
  } catch (error) {
    return handlerError(tool.name, error, ctx.log);
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
function handlerError(tool: string, error: unknown, log: Logger): CallToolResult {
  if (error instanceof ToolError) return errorResult(error.message);
  const reference = errorReference();
  log.error({ err: error, tool, reference }, "tool handler threw");
  return errorResult(`Tool ${tool} failed with an internal error (reference ${reference}).`);
}

function toolContent(returned: ToolContent): CallToolResult {
  return typeof returned === "string" ? { content: [{ type: "text", text: returned }] } : returned;
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}
