import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// Stores, telemetry files and keys written by a test file (and the servers it starts) go to a
// home of its own, never into the developer's ./.mcp-platform that `mcp-platform traces` reads.
const previous = process.env.MCP_PLATFORM_HOME;
const home = mkdtempSync(join(tmpdir(), "mcp-platform-test-home-"));
process.env.MCP_PLATFORM_HOME = home;

afterAll(() => {
  if (previous === undefined) delete process.env.MCP_PLATFORM_HOME;
  else process.env.MCP_PLATFORM_HOME = previous;
  rmSync(home, { recursive: true, force: true });
});
