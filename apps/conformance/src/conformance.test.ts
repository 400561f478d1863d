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
const cli = join(dirname(createRequire(import.meta.url).resolve("@modelcontextprotocol/conformance/package.json")), "dist/index.js");

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(entry, { MCP_SESSIONS: "stateful", OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" });
});
afterAll(async () => expect(await server.stop()).toBe(0));

describe("the official MCP conformance suite against apps/conformance (Streamable HTTP, 127.0.0.1)", () => {
  it("passes every scenario, pending ones included, with only the baseline's documented exceptions", async () => {
    const { stdout } = await run(process.execPath, [cli, "server", "--url", server.url, "--suite", "all", "--expected-failures", baseline], {
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const total = /Total: (\d+) passed, (\d+) failed/.exec(stdout);
    expect(total, stdout.slice(-3000)).not.toBeNull();
    const [, passed, failed] = total!;
    console.log(`MCP conformance: ${passed} checks passed, ${failed} failed (${stdout.match(/^✓ /gm)?.length ?? 0} scenarios clean)`);
    expect(Number(failed)).toBe(0);
    expect(Number(passed)).toBeGreaterThanOrEqual(44);
    expect(stdout).toContain("dns-rebinding-protection: 2 passed, 0 failed");
  });

  it("gives a 2025-11-25 client the SSE priming event with a retry field (what the baseline entry is about)", async () => {
    const initialize = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } } }),
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
