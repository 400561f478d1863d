import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** How long a statement waits for another process's lock before failing with `database is locked`. */
const BUSY_TIMEOUT_MS = 5000;
const SQLITE_BUSY = 5;

/**
 * Opens (and creates) a SQLite file that several processes may share: replicas on one host, or
 * the old and new process of a rolling restart. Lock waits are bounded rather than instant
 * failures, the journal is WAL, and the schema and its upgrades (`upgrades[i]` takes the file
 * from `PRAGMA user_version` i to i + 1) are applied under one write lock, so processes that
 * start together apply each upgrade once.
 */
export function openSqliteFile(path: string, schema: string, upgrades: readonly string[] = []): DatabaseSync {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    whenUnlocked(() => db.exec("PRAGMA journal_mode = WAL"));
    db.exec("BEGIN IMMEDIATE");
    db.exec(schema);
    const { user_version: version } = db.prepare("PRAGMA user_version").get() as { user_version: number };
    for (const upgrade of upgrades.slice(version)) db.exec(upgrade);
    if (upgrades.length > version) db.exec(`PRAGMA user_version = ${upgrades.length}`);
    db.exec("COMMIT");
  } catch (error) {
    rollBack(db);
    db.close();
    throw error;
  }
  return db;
}

/**
 * Runs `statement`, retrying while another connection holds the lock it needs. Switching the
 * journal gets no help from `busy_timeout`: SQLite refuses at once rather than wait on a reader
 * that might deadlock with it.
 */
function whenUnlocked(statement: () => void): void {
  const deadline = performance.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return statement();
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== SQLITE_BUSY || performance.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

function rollBack(db: DatabaseSync): void {
  try {
    db.exec("ROLLBACK");
  } catch {
    // It failed before its transaction began: nothing to undo.
  }
}
