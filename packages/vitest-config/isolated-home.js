import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// What a test file writes goes into a directory of its own, removed after the file: its stores,
// telemetry files and keys (a home, never the developer's ./.mcp-platform that `mcp-platform traces`
// reads) and every temporary directory it or a process it starts makes (TMPDIR is inherited), so
// nothing is left behind in the system's temporary directory.
const previous = { home: process.env.MCP_PLATFORM_HOME, tmp: process.env.TMPDIR };
const scratch = mkdtempSync(join(tmpdir(), "mcp-platform-test-"));
// Open as /tmp is: a test server that runs as another user (PostgreSQL refuses root) works under it.
chmodSync(scratch, 0o1777);
process.env.TMPDIR = scratch;
process.env.MCP_PLATFORM_HOME = mkdtempSync(join(scratch, "home-"));

// A server started without that home (a stdio client passes on only a few variables unless told, and
// a server given an env of its own has none) writes into ./.mcp-platform instead: that file fails.
const stray = join(process.cwd(), ".mcp-platform");
const strayBefore = existsSync(stray);

afterAll(() => {
  restore("MCP_PLATFORM_HOME", previous.home);
  restore("TMPDIR", previous.tmp);
  rmSync(scratch, { recursive: true, force: true });
  if (!strayBefore && existsSync(stray)) {
    rmSync(stray, { recursive: true, force: true });
    throw new Error(`this test file, or a process it started, wrote ${stray}: pass its servers MCP_PLATFORM_HOME (the test's own home)`);
  }
});

function restore(name, value) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
