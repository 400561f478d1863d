import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as LegacyStdioTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { describe, expect, it } from "vitest";
import { callTool } from "./test-support/http.js";

const fixture = fileURLToPath(new URL("../test/fixtures/slow-server.mjs", import.meta.url));

function startHttp(env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, MCP_TRANSPORT: "http", PORT: "0", MCP_AUTH: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = new Promise<string>((resolve) =>
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /"url":"(http:[^"]+)\/mcp"/.exec(stderr);
      if (match) resolve(match[1]!);
    }),
  );
  return { child, exit, url, stderr: () => stderr };
}

describe("server process lifecycle", () => {
  it("lets a slow call finish on SIGTERM, refuses new work meanwhile, and exits 0", async () => {
    const server = startHttp();
    const url = await server.url;
    const slow = callTool(url, "slow", { ms: 800 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(callTool(url, "slow", { ms: 1 })).rejects.toThrow();
    const response = await slow;
    expect(await response.json()).toMatchObject({ result: { content: [{ text: "slept 800 ms" }] } });
    expect(await server.exit).toBe(0);
    expect(server.stderr()).toContain("shutting down");
  });

  it("stops with one clear line and exit 1 on a bad PORT", async () => {
    const server = startHttp({ PORT: "abc" });
    expect(await server.exit).toBe(1);
    expect(server.stderr()).toBe('slow: Invalid configuration: PORT must be an integer from 0 to 65535 (got "abc")\n');
  });

  it("stops with one line naming PORT, not a stack trace, when the port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const server = startHttp({ PORT: String(port) });
      expect(await server.exit).toBe(1);
      expect(server.stderr()).toMatch(
        new RegExp(
          `^slow: Cannot listen on 127\\.0\\.0\\.1:${port}: another process already listens on port ${port} \\(stop it, or choose another PORT\\)\n$`,
          "m",
        ),
      );
      expect(server.stderr()).not.toContain("    at ");
    } finally {
      taken.close();
    }
  });

  it("stops with one line naming MCP_PLATFORM_HOME when its folder cannot be written, as on a read-only disk", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lifecycle-")), "a-file");
    writeFileSync(file, "");
    const server = startHttp({ MCP_PLATFORM_HOME: join(file, "home") });
    expect(await server.exit).toBe(1);
    expect(server.stderr()).toMatch(/^slow: Cannot use the SQLite store at .*\(MCP_PLATFORM_HOME\): ENOTDIR: .*mount a volume there\)\n$/);
  });

  it("keeps stdout for the protocol under stdio, even with debug logging, for 2026-07-28 and 2025-11-25 clients", async () => {
    const spawnWith = { command: process.execPath, args: [fixture], env: { ...process.env, LOG_LEVEL: "debug" }, stderr: "pipe" as const };
    const modern = new Client({ name: "t", version: "0" }, { versionNegotiation: { mode: "auto" } });
    await modern.connect(new StdioClientTransport(spawnWith));
    const legacy = new LegacyClient({ name: "t", version: "0" });
    await legacy.connect(new LegacyStdioTransport(spawnWith));
    for (const client of [modern, legacy]) {
      const result = await client.callTool({ name: "slow", arguments: { ms: 1 } });
      expect(result.content).toEqual([{ type: "text", text: "slept 1 ms" }]);
    }
    expect(modern.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    await Promise.all([modern.close(), legacy.close()]);
  });
});
