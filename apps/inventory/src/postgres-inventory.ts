import { createLogger, migrate, openPostgresPool, type Migration } from "@mcp-platform/server";
import type { Pool } from "pg";
import { SEED, SEEDED_AT, type Inventory, type Service, type ServiceFilter, type ServiceStatus } from "./inventory.js";
import { toService, type ServiceRow } from "./service-row.js";

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "services",
    sql: `CREATE TABLE inventory_services (
      name text PRIMARY KEY, team text NOT NULL, tier integer NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'maintenance')),
      maintenance_reason text, updated_at timestamptz NOT NULL
    )`,
  },
];

/** The inventory shared by replicas (`MCP_INVENTORY_DB_URL=postgres://…`): connects and migrates on first use. */
export class PostgresInventory implements Inventory {
  readonly #url: string;
  #pool: Promise<Pool> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async list(filter: ServiceFilter): Promise<Service[]> {
    return this.#rows("SELECT * FROM inventory_services WHERE ($1::text IS NULL OR team = $1) AND ($2::text IS NULL OR status = $2) ORDER BY tier, name", [
      filter.team ?? null,
      filter.status ?? null,
    ]);
  }

  async get(name: string): Promise<Service | undefined> {
    return (await this.#rows("SELECT * FROM inventory_services WHERE name = $1", [name]))[0];
  }

  async setStatus(name: string, status: ServiceStatus, reason: string | null): Promise<Service> {
    const [service] = await this.#rows("UPDATE inventory_services SET status = $2, maintenance_reason = $3, updated_at = now() WHERE name = $1 RETURNING *", [
      name,
      status,
      reason,
    ]);
    if (!service) throw new Error(`No service "${name}"`);
    return service;
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await (await pool)?.end();
  }

  async #rows(sql: string, values: unknown[]): Promise<Service[]> {
    const { rows } = await (await this.#open()).query<ServiceRow>(sql, values);
    return rows.map(toService);
  }

  #open(): Promise<Pool> {
    this.#pool ??= connect(this.#url).catch((error: unknown) => {
      this.#pool = undefined;
      throw error;
    });
    return this.#pool;
  }
}

async function connect(url: string): Promise<Pool> {
  const pool = await openPostgresPool(url, createLogger("inventory", "warn"));
  try {
    await migrate(pool, "inventory_schema_migrations", MIGRATIONS);
    await pool.query(
      `INSERT INTO inventory_services (name, team, tier, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[]) ON CONFLICT (name) DO NOTHING`,
      [SEED.map((s) => s[0]), SEED.map((s) => s[1]), SEED.map((s) => s[2]), SEED.map(() => SEEDED_AT)],
    );
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}
