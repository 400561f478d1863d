import type { Logger } from "pino";
import { ConfigError, type RuntimeConfig } from "../config.js";
import { localFileError } from "../local-file-error.js";
import type { ActionStore } from "./action-store.js";
import type * as PostgresStoreModule from "./postgres-action-store.js";
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
export function openPostgresStore(url: string, errors: PoolErrorSink): Promise<ActionStore> {
  return withPostgresStore(url, (postgres) => postgres.PostgresActionStore.open(url, errors));
}

/** The store servers keep at `url`, for reading; undefined where none has created it (and nothing is created). */
export function openExistingPostgresStore(url: string, errors: PoolErrorSink): Promise<ActionStore | undefined> {
  return withPostgresStore(url, (postgres) => postgres.PostgresActionStore.openExisting(url, errors));
}

async function withPostgresStore<T>(url: string, open: (postgres: typeof PostgresStoreModule) => Promise<T>): Promise<T> {
  try {
    // Imported only here: servers on SQLite never load the PostgreSQL store.
    return await open(await import("./postgres-action-store.js"));
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
