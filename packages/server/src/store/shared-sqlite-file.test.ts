import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { startServerProcess } from "@mcp-platform/test-services";
import { describe, expect, it } from "vitest";
import { PROTOCOLS } from "../test-support/http.js";
import { postMcp, SWITCHES_FIXTURE } from "../test-support/switches-process.js";

describe("one SQLite store shared by processes on one host", () => {
  it("lets four processes that start together on a new store all start, migrate it once and serve", async () => {
    const home = mkdtempSync(join(tmpdir(), "shared-sqlite-"));
    const env = { MCP_PLATFORM_HOME: home, MCP_STORE_PATH: join(home, "store.sqlite"), OTEL_SDK_DISABLED: "true" };
    const started = await Promise.allSettled(Array.from({ length: 4 }, () => startServerProcess(SWITCHES_FIXTURE, env)));
    const servers = started.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    try {
      expect(started.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "ready"))).toEqual(["ready", "ready", "ready", "ready"]);
      for (const [i, server] of servers.entries()) {
        const reply = await postMcp(
          server.url,
          { id: 1, method: "tools/call", params: { name: "get_switch", arguments: { name: "door" } } },
          PROTOCOLS[i % 2]!,
        );
        expect(reply.status).toBe(200);
      }
    } finally {
      expect(await Promise.all(servers.map((server) => server.stop()))).toEqual(servers.map(() => 0));
    }
  });

  it("waits for another process's write lock at start instead of failing with `database is locked`", async () => {
    const home = mkdtempSync(join(tmpdir(), "locked-sqlite-"));
    const path = join(home, "store.sqlite");
    const other = new DatabaseSync(path);
    other.exec("CREATE TABLE busy (n INTEGER); BEGIN IMMEDIATE; INSERT INTO busy VALUES (1);");
    const release = setTimeout(() => other.exec("COMMIT"), 2000);
    try {
      const server = await startServerProcess(SWITCHES_FIXTURE, { MCP_PLATFORM_HOME: home, MCP_STORE_PATH: path, OTEL_SDK_DISABLED: "true" });
      expect(await server.stop()).toBe(0);
    } finally {
      clearTimeout(release);
      other.close();
    }
  });
});
