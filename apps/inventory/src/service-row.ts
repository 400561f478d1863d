import type { Service, ServiceStatus } from "./inventory.js";

/** A service as both databases store it (PostgreSQL returns the timestamp as a Date). */
export interface ServiceRow {
  name: string;
  team: string;
  tier: number;
  status: ServiceStatus;
  maintenance_reason: string | null;
  updated_at: string | Date;
}

export function toService(row: ServiceRow): Service {
  return {
    name: row.name,
    team: row.team,
    tier: row.tier,
    status: row.status,
    maintenanceReason: row.maintenance_reason,
    updatedAt: row.updated_at instanceof Date ? row.updated_at.toISOString() : row.updated_at,
  };
}
