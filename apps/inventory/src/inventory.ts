import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

export type ServiceStatus = "active" | "maintenance";

export interface Service {
  name: string;
  team: string;
  tier: number;
  status: ServiceStatus;
  maintenanceReason: string | null;
  updatedAt: string;
}

const SEED: [string, string, number][] = [
  ["payments-api", "team-payments", 1],
  ["checkout-web", "team-checkout", 1],
  ["order-events", "team-orders", 2],
  ["search-indexer", "team-search", 2],
  ["report-builder", "team-analytics", 3],
];

/**
 * The service inventory, in SQLite. Opened on first use, so that reading the server's definition
 * (contract snapshots, the catalog) never touches the database.
 */
export class Inventory {
  readonly #path: string;
  #db: DatabaseSync | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  list(filter: { team?: string | undefined; status?: ServiceStatus | undefined }): Service[] {
    const rows = this.#open().prepare(
      "SELECT * FROM services WHERE (?1 IS NULL OR team = ?1) AND (?2 IS NULL OR status = ?2) ORDER BY tier, name",
    ).all(filter.team ?? null, filter.status ?? null);
    return rows.map((row) => toService(row as unknown as ServiceRow));
  }

  get(name: string): Service | undefined {
    const row = this.#open().prepare("SELECT * FROM services WHERE name = ?").get(name) as ServiceRow | undefined;
    return row && toService(row);
  }

  setStatus(name: string, status: ServiceStatus, reason: string | null): Service {
    this.#open()
      .prepare("UPDATE services SET status = ?, maintenance_reason = ?, updated_at = ? WHERE name = ?")
      .run(status, reason, new Date().toISOString(), name);
    return this.get(name)!;
  }

  close(): void {
    this.#db?.close();
    this.#db = undefined;
  }

  #open(): DatabaseSync {
    if (this.#db) return this.#db;
    if (this.#path !== ":memory:") mkdirSync(dirname(this.#path), { recursive: true });
    const db = new DatabaseSync(this.#path);
    db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS services (
        name TEXT PRIMARY KEY, team TEXT NOT NULL, tier INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'active', maintenance_reason TEXT, updated_at TEXT NOT NULL
      );
    `);
    const insert = db.prepare("INSERT OR IGNORE INTO services (name, team, tier, updated_at) VALUES (?, ?, ?, ?)");
    for (const [name, team, tier] of SEED) insert.run(name, team, tier, new Date(0).toISOString());
    this.#db = db;
    return db;
  }
}

interface ServiceRow {
  name: string;
  team: string;
  tier: number;
  status: ServiceStatus;
  maintenance_reason: string | null;
  updated_at: string;
}

function toService(row: ServiceRow): Service {
  return {
    name: row.name,
    team: row.team,
    tier: row.tier,
    status: row.status,
    maintenanceReason: row.maintenance_reason,
    updatedAt: row.updated_at,
  };
}
