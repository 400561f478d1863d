import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingService, startPostgres, type LocalPostgres } from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresActionStore } from "./postgres-action-store.js";
import { openPostgresPool } from "./postgres-pool.js";
import { SqliteActionStore } from "./sqlite-action-store.js";
import { defaultStorePath, openRecordedStores } from "./store-location.js";

const silent = { warn: () => undefined };
const postgresMissing = missingService("postgresql");

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

describe.skipIf(postgresMissing)(`openRecordedStores on PostgreSQL${postgresMissing ? ` (${postgresMissing})` : ""}`, () => {
  let server: LocalPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  it("creates no table in a database no server has used, and reads the store once a server has made it", async () => {
    const url = server.createDatabase("recorded");
    const tables = async () => {
      const pool = await openPostgresPool(url, silent, 1);
      const { rows } = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
      await pool.end();
      return rows.map((row) => row.name);
    };
    expect(await storeFiles({ MCP_STORE_URL: url })).toBe(0);
    expect(await tables()).toEqual([]);
    await (await PostgresActionStore.open(url, silent)).close();
    expect(await storeFiles({ MCP_STORE_URL: url })).toBe(1);
    expect(await tables()).toContain("mcp_actions");
  });
});
