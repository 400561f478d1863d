import type { Logger } from "pino";
import { ConfigError, type RuntimeConfig } from "../config.js";
import { localFileError } from "../local-file-error.js";
import type { ActionStore } from "./action-store.js";
import type { PoolErrorSink } from "./postgres-pool.js";
import { SqliteActionStore } from "./sqlite-action-store.js";

/**
 * The store the configuration names: PostgreSQL when `MCP_STORE_URL` is set (shared by replicas),
 * else the SQLite file at `MCP_STORE_PATH` or `defaultPath`. An unreachable database stops the
 * start with one line, like any other configuration mistake.
 */
export async function openActionStore(config: RuntimeConfig, defaultPath: string, logger: Logger): Promise<ActionStore> {
  if (!config.MCP_STORE_URL) {
    const path = config.MCP_STORE_PATH ?? defaultPath;
    try {
      return new SqliteActionStore(path);
    } catch (error) {
      throw localFileError("the SQLite store", path, config.MCP_STORE_PATH ? "MCP_STORE_PATH" : "MCP_PLATFORM_HOME", error);
    }
  }
  const store = await openPostgresStore(config.MCP_STORE_URL, logger);
  logger.info({ store: "postgresql", database: withoutCredentials(config.MCP_STORE_URL) }, "action store: PostgreSQL (shared by replicas)");
  return store;
}

/** The PostgreSQL store at `url`, migrated; a failure is one `ConfigError` line that leaves out the credentials. */
export async function openPostgresStore(url: string, errors: PoolErrorSink): Promise<ActionStore> {
  try {
    // Imported only here: servers on SQLite never load the PostgreSQL store.
    const { PostgresActionStore } = await import("./postgres-action-store.js");
    return await PostgresActionStore.open(url, errors);
  } catch (error) {
    // A refused connection to a name with several addresses is an AggregateError with no message, only a code.
    const { message, code } = error as Error & { code?: string };
    throw new ConfigError(`Cannot use MCP_STORE_URL (${withoutCredentials(url)}): ${message || code || String(error)}`);
  }
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
