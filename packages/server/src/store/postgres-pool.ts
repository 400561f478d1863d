import type { Pool } from "pg";

/** Where PostgreSQL-backed state reports a connection it lost while idle (the pool replaces it). */
export interface PoolErrorSink {
  warn(details: object, message: string): void;
}

/**
 * A `pg` pool for `url`. `pg` is loaded here, on first use, so servers on the SQLite default never
 * load it. An idle connection the server drops (restart, failover) is reported, not thrown: left
 * unhandled, that event would end the process.
 */
export async function openPostgresPool(url: string, errors: PoolErrorSink, max = 10): Promise<Pool> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (error) => {
    if (!pool.ending) errors.warn({ error: error.message }, "PostgreSQL connection lost while idle; the pool opens a new one");
  });
  return pool;
}
