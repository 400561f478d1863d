import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttpTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startServerProcess } from "@mcp-platform/test-services";
import { describe, expect, it } from "vitest";
import { SWITCHES_FIXTURE } from "../test-support/switches-process.js";

describe("kill switch file (real process)", () => {
  it("switches a tool off and on again without a restart, for 2026-07-28 and 2025-11-25 clients alike", async () => {
    const home = mkdtempSync(join(tmpdir(), "kill-switch-"));
    const killFile = join(home, "disabled-tools");
    writeFileSync(killFile, "# nothing switched off\n");
    const server = await startServerProcess(SWITCHES_FIXTURE, { MCP_PLATFORM_HOME: home, MCP_DISABLED_TOOLS_FILE: killFile, OTEL_SDK_DISABLED: "true" });
    const modern = new Client({ name: "t", version: "0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    const legacy = new LegacyClient({ name: "t", version: "0" });
    await modern.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    await legacy.connect(new LegacyHttpTransport(new URL(server.url)));
    const clients = [modern, legacy];
    const call = (client: Client | LegacyClient) => client.callTool({ name: "get_switch", arguments: { name: "fan" } });
    const waitFor = async (predicate: () => Promise<boolean>) => {
      for (let i = 0; i < 60 && !(await predicate()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    try {
      for (const client of clients) expect((await call(client)).isError).toBeFalsy();

      writeFileSync(killFile, "get_switch  # incident 4711\n");
      await waitFor(async () => Boolean((await call(modern)).isError));
      for (const client of clients) {
        const refused = await call(client);
        expect(refused.isError).toBe(true);
        expect(JSON.stringify(refused.content)).toContain("switched off by the operators");
        expect((await client.listTools()).tools.map((t) => t.name)).not.toContain("get_switch");
      }

      writeFileSync(killFile, "\n");
      await waitFor(async () => !(await call(modern)).isError);
      for (const client of clients) {
        expect(await call(client)).toMatchObject({ content: [{ type: "text", text: "fan is off" }] });
        expect((await client.listTools()).tools.map((t) => t.name)).toContain("get_switch");
      }
      expect(server.stderr()).toContain('"decision":"kill_switch"');
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      expect(await server.stop()).toBe(0);
    }
  });
});
