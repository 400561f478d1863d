import { SERVER_INFO_META_KEY, type Implementation } from "@modelcontextprotocol/server";
import { isRecord } from "../is-record.js";

const RESULT_KEYS = new Set(["content", "structuredContent", "isError", "_meta"]);
/** `_meta` keys the protocol defines, which the SDK's result schemas type: for the SDK to check. */
const PROTOCOL_META_PREFIX = "io.modelcontextprotocol/";
const PROGRESS_TOKEN = "progressToken";

/**
 * A `tools/call` result as the SDK's codec puts it on the wire, for a result either revision's
 * schema can only accept as it is: complete, with text blocks, and any structured object, error
 * flag and `_meta` of the server's own. In 2026-07-28 (`serverInfo` given) it gets `resultType`
 * and the server's identity in `_meta`, as there; 2025-11-25 sends it as it is. Anything else
 * (other content, a round's questions, a task handle, a malformed result) is the SDK's to check
 * and encode: undefined.
 */
export function encodePlainToolResult(result: unknown, serverInfo: Implementation | undefined): Record<string, unknown> | undefined {
  if (!isRecord(result)) return undefined;
  for (const key in result) if (!RESULT_KEYS.has(key)) return undefined;
  const { content, structuredContent, isError, _meta: meta } = result;
  if (!Array.isArray(content) || !content.every(isTextBlock)) return undefined;
  if ((structuredContent !== undefined && !isRecord(structuredContent)) || (isError !== undefined && typeof isError !== "boolean")) return undefined;
  if (meta !== undefined && (!isRecord(meta) || Object.keys(meta).some((key) => key === PROGRESS_TOKEN || key.startsWith(PROTOCOL_META_PREFIX)))) {
    return undefined;
  }
  return serverInfo ? { ...result, resultType: "complete", _meta: { ...meta, [SERVER_INFO_META_KEY]: serverInfo } } : result;
}

function isTextBlock(block: unknown): boolean {
  if (!isRecord(block) || block.type !== "text" || typeof block.text !== "string") return false;
  for (const key in block) if (key !== "type" && key !== "text") return false;
  return true;
}
