import type { Tool } from "@modelcontextprotocol/server";
import { ACCESS_RULES, annotationsFor } from "./access.js";
import { APPROVAL_TOKEN_ARGUMENT } from "./approval-argument.js";
import type { AnyTool } from "./define.js";
import { DEPRECATION_META_KEY, deprecationNotice } from "./deprecation.js";
import { EMPTY_OBJECT_SCHEMA, jsonSchemaOf } from "./json-schema.js";
import { isJsonSchemaInput } from "./json-schema-input.js";

/** A tool's input as the JSON Schema clients see, before the kit adds its approval argument. */
export function toolInputSchema(tool: AnyTool): Record<string, unknown> {
  if (!tool.input) return EMPTY_OBJECT_SCHEMA;
  return isJsonSchemaInput(tool.input) ? tool.input.schema : jsonSchemaOf(tool.input);
}

/**
 * The MCP `tools/list` entry of a tool: annotations derived from its access level, a deprecation
 * notice and record when deprecated, and the kit's optional approval argument on write tools.
 */
export function toolListEntry(tool: AnyTool): Tool {
  let inputSchema = toolInputSchema(tool);
  if (ACCESS_RULES[tool.access].approval) {
    const properties = (inputSchema.properties ?? {}) as Record<string, unknown>;
    inputSchema = { ...inputSchema, properties: { ...properties, [APPROVAL_TOKEN_ARGUMENT]: APPROVAL_TOKEN_SCHEMA } };
  }
  return {
    name: tool.name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    description: tool.deprecated ? `${deprecationNotice(tool.deprecated)}\n\n${tool.description}` : tool.description,
    inputSchema: inputSchema as Tool["inputSchema"],
    ...(tool.output ? { outputSchema: jsonSchemaOf(tool.output, "output") } : {}),
    annotations: annotationsFor(tool.access, tool.hints, tool.title),
    ...(tool.deprecated ? { _meta: { [DEPRECATION_META_KEY]: tool.deprecated } } : {}),
  };
}

const APPROVAL_TOKEN_SCHEMA = {
  type: "string",
  // The kit's tokens are a few hundred characters; anything longer is refused as forged anyway.
  maxLength: 4096,
  description: "Leave out on the first call. If the result asks for approval, call again with the same arguments and this token.",
};
