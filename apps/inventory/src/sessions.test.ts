import { fileURLToPath } from "node:url";
import { startServerProcess, type ServerProcess } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "sessions-test", version: "0" } },
};
const listTools = { jsonrpc: "2.0", id: 2, method: "tools/list" };

const post = (url: string, body: unknown, session?: string) =>
  fetch(url, { method: "POST", headers: { ...headers, ...(session ? { "mcp-session-id": session } : {}) }, body: JSON.stringify(body) });

/**
 * The rule for stateful sessions behind a load balancer: a session lives on the replica that
 * opened it, so routing must be sticky; a replica that does not know the session answers 404 and
 * the client starts a new one there (the MCP transport's own recovery rule).
 */
describe("stateful sessions across two replicas", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const start = () => startServerProcess(entry, { MCP_SESSIONS: "stateful", OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" });
    [a, b] = await Promise.all([start(), start()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("answers 404 on the replica that does not know the session, and serves the client once it re-initializes there", async () => {
    const opened = await post(a.url, initialize);
    expect(opened.status).toBe(200);
    const session = opened.headers.get("mcp-session-id")!;
    await opened.text();
    expect((await post(a.url, { jsonrpc: "2.0", method: "notifications/initialized" }, session)).status).toBe(202);
    expect((await post(a.url, listTools, session)).status).toBe(200);

    const elsewhere = await post(b.url, listTools, session);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toContain("Session not found: start a new session with initialize");

    const reopened = await post(b.url, initialize);
    expect(reopened.status).toBe(200);
    const second = reopened.headers.get("mcp-session-id")!;
    await reopened.text();
    expect(second).not.toBe(session);
    await post(b.url, { jsonrpc: "2.0", method: "notifications/initialized" }, second);
    const listed = await post(b.url, listTools, second);
    expect(listed.status).toBe(200);
    expect(await listed.text()).toContain("set_maintenance_mode");
  });
});
