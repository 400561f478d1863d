import type { CallToolResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { AnyTool } from "../definition/define.js";
import { isJsonSchemaInput } from "../definition/json-schema-input.js";
import { errorResult } from "./tool-result.js";
import { validateJsonSchemaInput } from "./validate-json-schema-input.js";

export type ParsedArguments = { ok: true; input: Record<string, unknown> } | { ok: false; result: CallToolResult };

/** Arguments checked against the tool's input: a bad call is an `isError` result the model can read. */
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
