import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.js";
import { openActionStore } from "./open-action-store.js";
import { SqliteActionStore } from "./sqlite-action-store.js";

const logger = pino({ level: "silent" });
const secret = Buffer.alloc(32, 7).toString("base64");

describe("openActionStore", () => {
  it("is the SQLite file unless MCP_STORE_URL is set", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "open-store-")), "store.sqlite");
    const store = await openActionStore(loadConfig({ MCP_STORE_PATH: path }), "/unused", logger);
    expect(store).toBeInstanceOf(SqliteActionStore);
    await store.close();
  });

  it("stops the start with one line, without the password, when PostgreSQL cannot be reached", async () => {
    const config = loadConfig({ MCP_STORE_URL: "postgres://mcp:hunter2@127.0.0.1:1/mcp", MCP_APPROVAL_SECRET: secret });
    const opening = openActionStore(config, "/unused", logger);
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(/^Cannot use MCP_STORE_URL \(127\.0\.0\.1:1\/mcp\): .*ECONNREFUSED/);
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});
