import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineResource, defineServer, defineTool, resourceUpdated } from "@mcp-platform/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestClient } from "./in-memory-client.js";
import { startLoopbackServer } from "./loopback-server.js";

let status = "green";
const server = defineServer({
  name: "harness",
  version: "1.0.0",
  owner: "team-platform",
  description: "Harness test server",
  tools: [
    defineTool({ name: "ping_service", description: "Pings", access: "read", input: z.object({ name: z.string() }), handler: ({ name }) => `pong ${name}` }),
    defineTool({ name: "status", description: "Status", access: "read", handler: () => status }),
  ],
  resources: [defineResource({ uri: "status://current", name: "status", subscribable: true, read: () => status })],
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("startLoopbackServer", () => {
  it("serves a definition on 127.0.0.1 and hands back a connected SDK client", async () => {
    const loopback = await startLoopbackServer(server);
    expect(loopback.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const result = await loopback.client.callTool({ name: "ping_service", arguments: { name: "db" } });
    expect(result.content).toEqual([{ type: "text", text: "pong db" }]);
    await loopback.stop();
  });
});

describe("notifications to connected clients, 2026-07-28 (subscriptions/listen)", () => {
  it("tells a listening client when a resource changes, and stops when the subscription closes", async () => {
    const client = await createTestClient(server);
    const updates: string[] = [];
    client.setNotificationHandler("notifications/resources/updated", (n) => void updates.push(n.params.uri));
    const subscription = await client.listen({ resourceSubscriptions: ["status://current"] });
    expect(subscription.honoredFilter).toEqual({ resourceSubscriptions: ["status://current"] });
    status = "red";
    resourceUpdated(server, "status://current");
    await until(() => updates.length > 0);
    expect(updates).toEqual(["status://current"]);
    await subscription.close();
    resourceUpdated(server, "status://current");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates).toHaveLength(1);
    await client.close();
  });

  it("sends tools/list_changed when the kill-switch file changes, over HTTP too", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kill-")), "disabled");
    writeFileSync(file, "");
    const loopback = await startLoopbackServer(server, { MCP_DISABLED_TOOLS_FILE: file });
    let changes = 0;
    loopback.client.setNotificationHandler("notifications/tools/list_changed", () => void changes++);
    await loopback.client.listen({ toolsListChanged: true });
    writeFileSync(file, "status\n");
    await until(() => changes > 0);
    expect(changes).toBe(1);
    expect((await loopback.client.listTools()).tools.map((tool) => tool.name)).toEqual(["ping_service"]);
    await loopback.stop();
  });
});

describe("notifications to connected clients, 2025-11-25 (a session)", () => {
  it("tells a subscribed client when a resource changes, and stops after unsubscribe", async () => {
    const client = await createTestClient(server, { protocol: "2025-11-25" });
    const updates: string[] = [];
    client.setNotificationHandler("notifications/resources/updated", (n) => void updates.push(n.params.uri));
    await client.subscribeResource({ uri: "status://current" });
    status = "red";
    resourceUpdated(server, "status://current");
    await until(() => updates.length > 0);
    expect(updates).toEqual(["status://current"]);
    await client.unsubscribeResource({ uri: "status://current" });
    resourceUpdated(server, "status://current");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates).toHaveLength(1);
    await client.close();
  });

  it("sends tools/list_changed when the kill-switch file changes", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kill-")), "disabled");
    writeFileSync(file, "");
    const client = await createTestClient(server, { protocol: "2025-11-25", trust: { disabledToolsFile: file } });
    let changes = 0;
    client.setNotificationHandler("notifications/tools/list_changed", () => void changes++);
    writeFileSync(file, "status\n");
    await until(() => changes > 0);
    expect(changes).toBe(1);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["ping_service"]);
    await client.close();
  });
});
