import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startServerProcess, type ServerProcess } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const baseline = fileURLToPath(new URL("../conformance-baseline.yml", import.meta.url));
const suite = (pkg: string) => join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), "dist/index.js");

/** Runs the suite; a failing run still yields its report (the exit code is asserted from the summary). */
async function conformance(pkg: string, args: string[]): Promise<string> {
  try {
    return (await run(process.execPath, [suite(pkg), "server", ...args], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
}

const settings = { OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" };

describe("the official MCP conformance suite for 2026-07-28 against apps/conformance with default settings", () => {
  let server: ServerProcess;
  beforeAll(async () => void (server = await startServerProcess(entry, settings)));
  afterAll(async () => expect(await server.stop()).toBe(0));

  it("passes every scenario the revision requires, and every not-scored one (the tasks extension included)", async () => {
    const stdout = await conformance("@modelcontextprotocol/conformance", ["--url", server.url, "--requirements", "2026-07-28"]);
    const scenarios = stdout.match(/^[✓✗] \S+/gm) ?? [];
    const failing = scenarios.filter((line) => line.startsWith("✗"));
    console.log(`MCP conformance 2026-07-28: ${scenarios.length - failing.length} of ${scenarios.length} scenarios pass`);
    expect(failing, stdout.slice(-4000)).toEqual([]);
    expect(scenarios).toHaveLength(50);
    expect(stdout).toMatch(/Total: \d+ passed, 0 failed/);
  });
});

describe("the official MCP conformance suite for 2025-11-25 against apps/conformance (legacy sessions: MCP_SESSIONS=stateful)", () => {
  let server: ServerProcess;
  beforeAll(async () => void (server = await startServerProcess(entry, { ...settings, MCP_SESSIONS: "stateful" })));
  afterAll(async () => expect(await server.stop()).toBe(0));

  it("passes every scenario, pending ones included, with only the baseline's documented exceptions", async () => {
    const stdout = await conformance("@modelcontextprotocol/conformance-legacy", ["--url", server.url, "--suite", "all", "--expected-failures", baseline]);
    const total = /Total: (\d+) passed, (\d+) failed/.exec(stdout);
    expect(total, stdout.slice(-3000)).not.toBeNull();
    const [, passed, failed] = total!;
    console.log(`MCP conformance 2025-11-25: ${passed} checks passed, ${failed} failed (${stdout.match(/^✓ /gm)?.length ?? 0} scenarios clean)`);
    expect(Number(failed)).toBe(0);
    expect(Number(passed)).toBeGreaterThanOrEqual(44);
    expect(stdout).toContain("dns-rebinding-protection: 2 passed, 0 failed");
  });

  it("gives a 2025-11-25 client the SSE priming event with a retry field (what the baseline entry is about)", async () => {
    const initialize = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } },
      }),
    });
    const session = initialize.headers.get("mcp-session-id")!;
    await initialize.body?.cancel();
    const call = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-session-id": session,
        "mcp-protocol-version": "2025-11-25",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "test_simple_text", arguments: {} } }),
    });
    const body = await call.text();
    expect(body).toMatch(/^id: [^\n]+\nretry: 1000\ndata: \n\n/);
    expect(body).toContain("This is a simple text response for testing.");
  });
});
