import { describe, expect, it } from "vitest";
import { encodePlainToolResult } from "./plain-tool-result.js";

const serverInfo = { name: "example", version: "1.2.3" };
const SERVER_INFO = "io.modelcontextprotocol/serverInfo";

describe("a tool result the fast path encodes itself", () => {
  it("gets resultType and the server's identity, as the SDK's 2026-07-28 codec gives them", () => {
    expect(encodePlainToolResult({ content: [{ type: "text", text: "hi" }] }, serverInfo)).toEqual({
      content: [{ type: "text", text: "hi" }],
      resultType: "complete",
      _meta: { [SERVER_INFO]: serverInfo },
    });
    const structured = { content: [], structuredContent: { n: 1 }, isError: false, _meta: { "io.github.mcp-platform/action": { id: "a1" } } };
    expect(encodePlainToolResult(structured, serverInfo)).toEqual({
      ...structured,
      resultType: "complete",
      _meta: { "io.github.mcp-platform/action": { id: "a1" }, [SERVER_INFO]: serverInfo },
    });
  });

  it("is sent as it is in 2025-11-25, which stamps nothing on results", () => {
    const result = { content: [{ type: "text", text: "hi" }], structuredContent: { n: 1 } };
    expect(encodePlainToolResult(result, undefined)).toBe(result);
  });

  it("leaves anything else to the SDK: other content, rounds, task handles, protocol _meta, malformed results", () => {
    const unencoded = [
      { content: [{ type: "image", data: "AA==", mimeType: "image/png" }] },
      { content: [{ type: "text", text: "hi", annotations: { priority: 1 } }] },
      { content: [{ type: "text", text: 1 }] },
      { resultType: "input_required", inputRequests: {} },
      { task: { taskId: "t1" } },
      { content: [], _meta: { [SERVER_INFO]: { name: "other", version: "0" } } },
      { content: [], isError: "yes" },
      { content: [], structuredContent: [1, 2] },
      { content: [], _meta: { progressToken: 1 } },
      { structuredContent: {} },
      undefined,
    ];
    for (const result of unencoded) for (const info of [serverInfo, undefined]) expect(encodePlainToolResult(result, info)).toBeUndefined();
  });
});
