import type { DatabaseSync } from "node:sqlite";
import { openSqliteFile } from "@mcp-platform/server";
import { SEED, SEEDED_AT, type Inventory, type Service, type ServiceFilter, type ServiceStatus } from "./inventory.js";
import { toService, type ServiceRow } from "./service-row.js";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS services (
    name TEXT PRIMARY KEY, team TEXT NOT NULL, tier INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'active', maintenance_reason TEXT, updated_at TEXT NOT NULL
  );
`;

/** The zero-setup inventory: one SQLite file (or `:memory:`), opened on first use. */
export class SqliteInventory implements Inventory {
  readonly #path: string;
  #db: DatabaseSync | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  list(filter: ServiceFilter): Promise<Service[]> {
    const rows = this.#open()
      .prepare("SELECT * FROM services WHERE (?1 IS NULL OR team = ?1) AND (?2 IS NULL OR status = ?2) ORDER BY tier, name")
      .all(filter.team ?? null, filter.status ?? null);
    return Promise.resolve(rows.map((row) => toService(row as unknown as ServiceRow)));
  }

  get(name: string): Promise<Service | undefined> {
    const row = this.#open().prepare("SELECT * FROM services WHERE name = ?").get(name) as ServiceRow | undefined;
    return Promise.resolve(row && toService(row));
  }

  setStatus(name: string, status: ServiceStatus, reason: string | null): Promise<Service> {
    const row = this.#open()
      .prepare("UPDATE services SET status = ?, maintenance_reason = ?, updated_at = ? WHERE name = ? RETURNING *")
      .get(status, reason, new Date().toISOString(), name) as ServiceRow | undefined;
    return row ? Promise.resolve(toService(row)) : Promise.reject(new Error(`No service "${name}"`));
  }

  close(): Promise<void> {
    this.#db?.close();
    this.#db = undefined;
    return Promise.resolve();
  }

  #open(): DatabaseSync {
    if (this.#db) return this.#db;
    const db = openSqliteFile(this.#path, SCHEMA);
    const insert = db.prepare("INSERT OR IGNORE INTO services (name, team, tier, updated_at) VALUES (?, ?, ?, ?)");
    for (const [name, team, tier] of SEED) insert.run(name, team, tier, SEEDED_AT);
    this.#db = db;
    return db;
  }
}
