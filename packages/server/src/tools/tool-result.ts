import type { CallToolResult } from "@modelcontextprotocol/server";
import type { ToolContent } from "../definition/define.js";

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

export function toolContent(returned: ToolContent): CallToolResult {
  return typeof returned === "string" ? { content: [{ type: "text", text: returned }] } : returned;
}

/** The result as one line of text, for the action log. */
export function resultSummary(result: CallToolResult): string {
  return result.content
    .map((block) => (block.type === "text" ? block.text : `[${block.type}]`))
    .join(" ")
    .slice(0, 500);
}
