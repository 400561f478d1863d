import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import {
  missingService,
  startPostgres,
  startRedis,
  startServerProcess,
  waitUntil,
  type LocalPostgres,
  type LocalRedis,
  type ServerProcess,
} from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mcpHttpRequest } from "./protocol/http-request.js";

const fixture = fileURLToPath(new URL("../test/fixtures/switches-server.mjs", import.meta.url));
const missing = missingService("postgresql") ?? missingService("redis-server");
const TASKS = { extensions: { "io.modelcontextprotocol/tasks": {} } };

async function post(url: string, method: string, params: Record<string, unknown>, capabilities: Record<string, unknown> = TASKS) {
  const { headers, body } = mcpHttpRequest({ id: 1, method, params }, "2026-07-28", capabilities);
  const response = await fetch(url, { method: "POST", headers, body });
  return (await response.json()) as { result?: Record<string, unknown>; error?: { code: number; message: string } };
}

function settled(url: string, taskId: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const finished = async () => {
    const { result } = await post(url, "tasks/get", { taskId });
    return result && ["completed", "failed", "cancelled"].includes(result.status as string) ? result : undefined;
  };
  return waitUntil(finished, { timeoutMs, intervalMs: 100, timedOut: () => new Error(`task ${taskId} did not finish`) });
}

describe.skipIf(missing)(`two replicas on shared PostgreSQL and Redis (real processes)${missing ? ` (${missing})` : ""}`, () => {
  let postgres: LocalPostgres;
  let redis: LocalRedis;
  let env: (killSwitchFile: string) => NodeJS.ProcessEnv;
  let a: ServerProcess;
  let b: ServerProcess;
  const dir = mkdtempSync(join(tmpdir(), "replicas-"));
  const killSwitch = { a: join(dir, "disabled-a"), b: join(dir, "disabled-b") };

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const shared = {
      MCP_STORE_URL: postgres.url,
      MCP_EVENTS_REDIS_URL: redis.url,
      MCP_APPROVAL_SECRET: randomBytes(32).toString("base64"),
      MCP_PLATFORM_HOME: dir,
      OTEL_SDK_DISABLED: "true",
      LOG_LEVEL: "warn",
    };
    env = (file) => ({ ...shared, MCP_DISABLED_TOOLS_FILE: file });
    for (const file of Object.values(killSwitch)) writeFileSync(file, "");
    [a, b] = await Promise.all([startServerProcess(fixture, env(killSwitch.a)), startServerProcess(fixture, env(killSwitch.b))]);
  });
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
  });

  it("tells a subscriptions/listen stream on replica A when the kill switch changes on replica B", async () => {
    const client = new Client({ name: "t", version: "0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(a.url)));
    let changes = 0;
    client.setNotificationHandler("notifications/tools/list_changed", () => void changes++);
    const subscription = await client.listen({ toolsListChanged: true });
    writeFileSync(killSwitch.b, "get_switch\n");
    for (let i = 0; i < 100 && changes === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toBe(1);
    await subscription.close();
    await client.close();
  });

  it("answers tasks/get for a task started on replica A on replica B, and on A after a restart", async () => {
    const started = await post(a.url, "tools/call", { name: "count_to", arguments: { n: 3, ms: 100 } });
    expect(started.result).toMatchObject({ resultType: "task", status: "working" });
    const taskId = started.result!.taskId as string;
    const done = await settled(b.url, taskId);
    expect(done).toMatchObject({ status: "completed", result: { content: [{ type: "text", text: "Counted to 3." }] } });
    expect(await a.stop()).toBe(0);
    a = await startServerProcess(fixture, env(killSwitch.a));
    expect((await post(a.url, "tasks/get", { taskId })).result).toEqual(done);
    const elsewhere = await post(a.url, "tasks/get", { taskId: "not-a-task" });
    expect(elsewhere.error).toMatchObject({ code: -32602 });
  });

  it("fails a task whose replica was killed mid-way, so no client waits forever", async () => {
    const started = await post(b.url, "tools/call", { name: "count_to", arguments: { n: 1000, ms: 1000 } });
    const taskId = started.result!.taskId as string;
    await b.stop("SIGKILL");
    const ended = await settled(a.url, taskId, 25_000);
    expect(ended).toMatchObject({ status: "failed", error: { code: -32603, message: "The replica running this task stopped before it finished" } });
    b = await startServerProcess(fixture, env(killSwitch.b));
  }, 30_000);
});
