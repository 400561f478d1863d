import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { platformHome } from "@mcp-platform/telemetry";
import type { ActionStore } from "./action-store.js";
import { openExistingPostgresStore } from "./open-action-store.js";
import type { PoolErrorSink } from "./postgres-pool.js";
import { SqliteActionStore } from "./sqlite-action-store.js";

/** A server's own SQLite file, used when neither `MCP_STORE_URL` nor `MCP_STORE_PATH` is set. */
export function defaultStorePath(home: string, server: string): string {
  return join(home, "store", `${server}.sqlite`);
}

/**
 * The stores that servers configured by `env` write to, for reading what they recorded: the
 * PostgreSQL database of `MCP_STORE_URL`, the SQLite file of `MCP_STORE_PATH`, else each server's
 * own file under the platform home (only `server`'s, when given). Reading creates no file, and no
 * tables in a database no server has used yet.
 */
export async function openRecordedStores(env: NodeJS.ProcessEnv, errors: PoolErrorSink, server?: string): Promise<ActionStore[]> {
  if (env.MCP_STORE_URL) {
    const store = await openExistingPostgresStore(env.MCP_STORE_URL, errors);
    return store ? [store] : [];
  }
  const home = platformHome(env);
  const files = env.MCP_STORE_PATH ? [env.MCP_STORE_PATH] : server ? [defaultStorePath(home, server)] : serverFiles(join(home, "store"));
  return files.filter((file) => existsSync(file)).map((file) => new SqliteActionStore(file));
}

function serverFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith(".sqlite"))
    .sort()
    .map((name) => join(directory, name));
}
