import type { Pool } from "pg";

/** One schema change; `version`s are applied in ascending order, each exactly once per database. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Brings a database up to date: the versions recorded in `table` are skipped, the rest applied in
 * one transaction. An advisory lock (keyed by the table's name) makes replicas that start together
 * take turns: the first applies, the others then find nothing left to do.
 */
export async function migrate(pool: Pool, table: string, migrations: readonly Migration[]): Promise<number[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a plain table name: ${table}`);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [table]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const done = new Set(rows.map((row) => row.version));
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    await client.query("COMMIT");
    return pending.map((m) => m.version);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
