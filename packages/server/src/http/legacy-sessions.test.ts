import { startServerProcess, type ServerProcess } from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMcp, SWITCHES_FIXTURE } from "../test-support/switches-process.js";

const LEGACY = "2025-11-25";
const initialize = { id: 1, method: "initialize", params: { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: "sessions-test", version: "0" } } };
const initialized = { method: "notifications/initialized" };
const listTools = { id: 2, method: "tools/list" };
const inSession = (session: string) => ({ headers: { "mcp-session-id": session } });

/**
 * Sessions exist only for legacy (2025-11-25) clients, and only with `MCP_SESSIONS=stateful`. The
 * rule behind a load balancer: a session lives on the replica that opened it, so routing must be
 * sticky; a replica that does not know the session answers 404 and the client starts a new one
 * there (the MCP transport's own recovery rule).
 */
describe("stateful sessions across two replicas (real processes)", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const start = () => startServerProcess(SWITCHES_FIXTURE, { MCP_SESSIONS: "stateful", OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" });
    [a, b] = await Promise.all([start(), start()]);
  });
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
  });

  it("answers 404 on the replica that does not know the session, and serves the client once it re-initializes there", async () => {
    const opened = await postMcp(a.url, initialize, LEGACY);
    expect(opened.status).toBe(200);
    const session = opened.headers.get("mcp-session-id")!;
    expect((await postMcp(a.url, initialized, LEGACY, inSession(session))).status).toBe(202);
    expect((await postMcp(a.url, listTools, LEGACY, inSession(session))).status).toBe(200);

    const elsewhere = await postMcp(b.url, listTools, LEGACY, inSession(session));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toContain("Session not found: start a new session with initialize");

    const reopened = await postMcp(b.url, initialize, LEGACY);
    expect(reopened.status).toBe(200);
    const second = reopened.headers.get("mcp-session-id")!;
    expect(second).not.toBe(session);
    await postMcp(b.url, initialized, LEGACY, inSession(second));
    const listed = await postMcp(b.url, listTools, LEGACY, inSession(second));
    expect(listed.status).toBe(200);
    expect(listed.body).toContain("set_switch");
  });

  it("serves a 2026-07-28 request on either replica, with no session to be sticky to", async () => {
    for (const replica of [a, b]) {
      const listed = await postMcp(replica.url, listTools, "2026-07-28");
      expect(listed.status).toBe(200);
      expect(listed.headers.get("mcp-session-id")).toBeNull();
      expect(listed.body).toContain("set_switch");
    }
  });
});
