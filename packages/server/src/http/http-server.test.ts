import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttpTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleServer } from "../test-support/example-server.js";
import { callTool, listen, MCP_HEADERS, PROTOCOLS, postWithHost } from "../test-support/http.js";
import type { HttpServer } from "./http-server.js";

let url: string;
let http: HttpServer;

beforeAll(async () => ({ url, http } = await listen(exampleServer, { MCP_MAX_BODY_BYTES: String(1024 * 1024) })));
afterAll(() => http.drain(1000));

describe("Streamable HTTP (stateless)", () => {
  it("serves the SDK v2 client on 2026-07-28 and the v1 client on 2025-11-25, on one endpoint", async () => {
    const modern = new Client({ name: "t", version: "0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    await modern.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
    const legacy = new LegacyClient({ name: "t", version: "0" });
    await legacy.connect(new LegacyHttpTransport(new URL(`${url}/mcp`)));
    for (const client of [modern, legacy]) {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain("echo");
      expect((await client.callTool({ name: "echo", arguments: { text: "x" } })).structuredContent).toEqual({ echoed: "x" });
    }
    expect(legacy.getServerVersion()).toMatchObject({ name: "example", version: "1.2.3" });
    await Promise.all([modern.close(), legacy.close()]);
  });

  it("answers a 2 MiB body with 413 and serves the next request", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo", arguments: { text: "a".repeat(2 * 1024 * 1024) } } });
    const refused = await fetch(`${url}/mcp`, { method: "POST", headers: MCP_HEADERS, body: big });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: -32600 } });
    const next = await callTool(url, "echo", { text: "after" });
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ result: { structuredContent: { echoed: "after" } } });
  });

  it("refuses a foreign Host (DNS rebinding) with 403", async () => {
    expect(await postWithHost(url, "evil.example", "{}")).toBe(403);
    expect(await postWithHost(url, "evil.example:80", "{}")).toBe(403);
  });

  it("refuses a foreign browser Origin with 403", async () => {
    const response = await fetch(`${url}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, origin: "http://evil.example" }, body: "{}" });
    expect(response.status).toBe(403);
  });

  it("answers malformed JSON with a JSON-RPC parse error", async () => {
    const response = await fetch(`${url}/mcp`, { method: "POST", headers: MCP_HEADERS, body: '{"jsonrpc": "2.0", ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
  });

  it.each(PROTOCOLS)("turns a throwing handler into isError and keeps serving (%s)", async (protocol) => {
    const failed = await callTool(url, "explode", {}, 1, protocol);
    expect(await failed.json()).toMatchObject({ result: { isError: true } });
    expect((await callTool(url, "echo", { text: "still here" }, 2, protocol)).status).toBe(200);
  });

  it.each(PROTOCOLS)("keeps replies apart when calls with the same id overlap (%s)", async (protocol) => {
    const [slow, fast] = await Promise.all([callTool(url, "slow", { ms: 150 }, 7, protocol), callTool(url, "echo", { text: "fast" }, 7, protocol)]);
    expect(await slow.json()).toMatchObject({ id: 7, result: { content: [{ text: "slept 150 ms" }] } });
    expect(await fast.json()).toMatchObject({ id: 7, result: { structuredContent: { echoed: "fast" } } });
  });

  it.each(PROTOCOLS)("cancels a call whose caller disconnects, and keeps serving (%s)", async (protocol) => {
    const gone = new AbortController();
    const abandoned = callTool(url, "slow", { ms: 5_000 }, 9, protocol, gone.signal).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 100));
    gone.abort();
    expect(await abandoned).toBe("AbortError");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(http.inFlight).toBe(0);
    expect((await callTool(url, "echo", { text: "next" }, 9, protocol)).status).toBe(200);
  });

  it("has health and readiness endpoints and 405 for GET /mcp", async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await fetch(`${url}/mcp`, { headers: { accept: "text/event-stream" } })).status).toBe(405);
  });
});

describe("Streamable HTTP (stateful sessions)", () => {
  it("keeps a 2025-11-25 session across requests and refuses an unknown one with 404", async () => {
    const stateful = await listen(exampleServer, { MCP_SESSIONS: "stateful" });
    const transport = new LegacyHttpTransport(new URL(`${stateful.url}/mcp`));
    const client = new LegacyClient({ name: "t", version: "0" });
    await client.connect(transport);
    expect(transport.sessionId).toMatch(/[0-9a-f-]{36}/);
    expect((await client.callTool({ name: "echo", arguments: { text: "s" } })).structuredContent).toEqual({ echoed: "s" });
    const unknown = await fetch(`${stateful.url}/mcp`, {
      method: "POST",
      headers: { ...MCP_HEADERS, "mcp-session-id": "not-a-session" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(unknown.status).toBe(404);
    await client.close();
    await stateful.http.drain(1000);
  });
});
