import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleServer } from "../test-support/example-server.js";
import { callTool, listen, MCP_HEADERS } from "../test-support/http.js";
import type { HttpServer } from "./http-server.js";

let url: string;
let http: HttpServer;
beforeAll(async () => ({ url, http } = await listen(exampleServer)));
afterAll(() => http.drain(1000));

const post = (body: unknown) => fetch(`${url}/mcp`, { method: "POST", headers: MCP_HEADERS, body: JSON.stringify(body) });

describe("stateless calls on pooled servers", () => {
  it("answers 50 overlapping calls that all use JSON-RPC id 1 with their own results", async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await (i % 5 === 0 ? callTool(url, "slow", { ms: 30 }, 1) : callTool(url, "echo", { text: `caller-${i}` }, 1));
        return { i, reply: (await response.json()) as { id: number; result: { structuredContent?: { echoed: string }; content: { text: string }[] } } };
      }),
    );
    for (const { i, reply } of replies) {
      expect(reply.id).toBe(1);
      if (i % 5 === 0) expect(reply.result.content[0]!.text).toBe("slept 30 ms");
      else expect(reply.result.structuredContent).toEqual({ echoed: `caller-${i}` });
    }
  });

  it("aborts a call whose client disconnected, so nothing lingers, and keeps serving", async () => {
    const own = await listen(exampleServer);
    const controller = new AbortController();
    const cut = fetch(`${own.url}/mcp`, {
      method: "POST",
      headers: MCP_HEADERS,
      body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "slow", arguments: { ms: 5000 } } }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect(await cut).toBeInstanceOf(Error);
    expect(await (await callTool(own.url, "echo", { text: "next" }, 7)).json()).toMatchObject({ id: 7, result: { structuredContent: { echoed: "next" } } });
    // The 5 s handler was aborted: draining finds no work in flight.
    expect(await own.http.drain(2000)).toEqual({ completed: true });
  });

  it("carries nothing one caller told a server to the next caller", async () => {
    const initialize = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: { elicitation: { form: {} } }, clientInfo: { name: "a", version: "1" } },
    });
    expect(initialize.status).toBe(200);
    expect((await post({ jsonrpc: "2.0", id: 2, method: "logging/setLevel", params: { level: "emergency" } })).status).toBe(200);
    // Another caller, without elicitation: it must get the plan/confirm flow, not an elicitation request.
    const reply = (await (await callTool(url, "purge_cache", { cache: "images" }, 3)).json()) as { result: { _meta?: Record<string, unknown> } };
    expect(reply.result._meta?.["io.github.mcp-platform/approval"]).toMatchObject({ status: "approval_required", plan: "Empty the images cache." });
  });

  it("answers the SDK's HTTP checks the way the SDK does", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const noSse = await fetch(`${url}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, accept: "application/json" }, body });
    expect(noSse.status).toBe(406);
    const text = await fetch(`${url}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, "content-type": "text/plain" }, body });
    expect(text.status).toBe(415);
    const oldVersion = await fetch(`${url}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, "mcp-protocol-version": "1999-01-01" }, body });
    expect(oldVersion.status).toBe(400);
    expect(await (await post({ jsonrpc: "2.0", id: 9, method: "no/such/method" })).json()).toMatchObject({ id: 9, error: { code: -32601 } });
  });
});
