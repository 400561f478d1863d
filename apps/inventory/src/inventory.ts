export type ServiceStatus = "active" | "maintenance";

export interface Service {
  name: string;
  team: string;
  tier: number;
  status: ServiceStatus;
  maintenanceReason: string | null;
  updatedAt: string;
}

export interface ServiceFilter {
  team?: string | undefined;
  status?: ServiceStatus | undefined;
}

/**
 * The service inventory the tools read and change: SQLite by default, PostgreSQL when replicas
 * share it. Implementations connect on first use, so that reading the server's definition
 * (contract snapshots, the catalog) never touches a database.
 */
export interface Inventory {
  list(filter: ServiceFilter): Promise<Service[]>;
  get(name: string): Promise<Service | undefined>;
  setStatus(name: string, status: ServiceStatus, reason: string | null): Promise<Service>;
  close(): Promise<void>;
}

/** The example services every new inventory starts with: name, team, tier. */
export const SEED: readonly (readonly [string, string, number])[] = [
  ["payments-api", "team-payments", 1],
  ["checkout-web", "team-checkout", 1],
  ["order-events", "team-orders", 2],
  ["search-indexer", "team-search", 2],
  ["report-builder", "team-analytics", 3],
];

/** Seeded rows carry the epoch as their last change. */
export const SEEDED_AT = new Date(0).toISOString();
