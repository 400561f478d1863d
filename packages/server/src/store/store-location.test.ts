import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteActionStore } from "./sqlite-action-store.js";
import { defaultStorePath, openRecordedStores } from "./store-location.js";

const silent = { warn: () => undefined };

async function storeFiles(env: NodeJS.ProcessEnv, server?: string) {
  const stores = await openRecordedStores(env, silent, server);
  for (const store of stores) await store.close();
  return stores.length;
}

describe("openRecordedStores", () => {
  it("opens each server's own file under the platform home, or only the one asked for", async () => {
    const home = mkdtempSync(join(tmpdir(), "recorded-"));
    for (const server of ["north", "south"]) await new SqliteActionStore(defaultStorePath(home, server)).close();
    expect(await storeFiles({ MCP_PLATFORM_HOME: home })).toBe(2);
    expect(await storeFiles({ MCP_PLATFORM_HOME: home }, "south")).toBe(1);
    expect(await storeFiles({ MCP_PLATFORM_HOME: home }, "west")).toBe(0);
    expect(existsSync(defaultStorePath(home, "west"))).toBe(false);
  });

  it("reads the shared MCP_STORE_PATH file instead, and creates none where there is none", async () => {
    const home = mkdtempSync(join(tmpdir(), "recorded-"));
    const shared = join(home, "shared.sqlite");
    await new SqliteActionStore(defaultStorePath(home, "north")).close();
    expect(await storeFiles({ MCP_PLATFORM_HOME: home, MCP_STORE_PATH: shared })).toBe(0);
    expect(existsSync(shared)).toBe(false);
    await new SqliteActionStore(shared).close();
    expect(await storeFiles({ MCP_PLATFORM_HOME: home, MCP_STORE_PATH: shared })).toBe(1);
  });

  it("names an unreachable MCP_STORE_URL in one line, without its password", async () => {
    const opening = openRecordedStores({ MCP_STORE_URL: "postgres://mcp:hunter2@127.0.0.1:1/mcp" }, silent);
    await expect(opening).rejects.toThrow(/^Cannot use MCP_STORE_URL \(127\.0\.0\.1:1\/mcp\): .*ECONNREFUSED/);
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});
