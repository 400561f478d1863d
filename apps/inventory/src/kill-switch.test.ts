import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startServerProcess } from "@mcp-platform/testing";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("kill switch file (real process)", () => {
  it("switches a tool off and on again without a restart", async () => {
    const home = mkdtempSync(join(tmpdir(), "inventory-"));
    const killFile = join(home, "disabled-tools");
    writeFileSync(killFile, "# nothing switched off\n");
    const server = await startServerProcess(entry, { MCP_PLATFORM_HOME: home, MCP_DISABLED_TOOLS_FILE: killFile, OTEL_SDK_DISABLED: "true" });
    const client = new Client({ name: "t", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    const call = () => client.callTool({ name: "get_service", arguments: { name: "payments-api" } });
    const waitFor = async (predicate: () => Promise<boolean>) => {
      for (let i = 0; i < 60 && !(await predicate()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    try {
      expect((await call()).isError).toBeFalsy();
      writeFileSync(killFile, "get_service  # incident 4711\n");
      await waitFor(async () => Boolean((await call()).isError));
      const refused = await call();
      expect(JSON.stringify(refused.content)).toContain("switched off by the operators");
      expect((await client.listTools()).tools.map((t) => t.name)).not.toContain("get_service");
      writeFileSync(killFile, "\n");
      await waitFor(async () => !(await call()).isError);
      expect((await call()).structuredContent).toMatchObject({ name: "payments-api" });
      expect(server.stderr()).toContain('"decision":"kill_switch"');
    } finally {
      await client.close();
      expect(await server.stop()).toBe(0);
    }
  });
});
