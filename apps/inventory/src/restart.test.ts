import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { startServerProcess } from "@mcp-platform/testing";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const home = mkdtempSync(join(tmpdir(), "inventory-restart-"));
const env = { MCP_PLATFORM_HOME: home, OTEL_SDK_DISABLED: "true" };

async function connected(url: string): Promise<Client> {
  const client = new Client({ name: "t", version: "0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

describe("the action record survives a restart (real processes, SQLite store)", () => {
  it("undoes, after a restart, an action approved and taken before it", async () => {
    const request = { service: "search-indexer", enabled: true, reason: "reindex before the restart" };
    const first = await startServerProcess(entry, env);
    const before = await connected(first.url);
    const planned = (await before.callTool({ name: "set_maintenance_mode", arguments: request })) as CallToolResult;
    const token = (planned._meta?.["io.github.mcp-platform/approval"] as { token: string }).token;
    const done = (await before.callTool({ name: "set_maintenance_mode", arguments: { ...request, approval_token: token } })) as CallToolResult;
    const { id } = done._meta?.["io.github.mcp-platform/action"] as { id: string };
    await before.close();
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(entry, env);
    const after = await connected(second.url);
    try {
      const listed = await after.callTool({ name: "list_actions", arguments: {} });
      expect(listed.structuredContent).toMatchObject({ actions: [{ id, tool: "set_maintenance_mode", undoable: true }] });
      // A retry of the approved call, after the restart, gets the first execution's answer; nothing runs again.
      const replayed = (await after.callTool({ name: "set_maintenance_mode", arguments: { ...request, approval_token: token } })) as CallToolResult;
      expect(replayed).toEqual(done);
      expect((await after.callTool({ name: "list_actions", arguments: {} })).structuredContent).toMatchObject({ actions: [{ id }] });
      expect((await after.callTool({ name: "undo_action", arguments: { action_id: id } })).isError).toBeFalsy();
      expect((await after.callTool({ name: "get_service", arguments: { name: "search-indexer" } })).structuredContent).toMatchObject({ status: "active" });
    } finally {
      await after.close();
      await second.stop();
    }
  });
});
