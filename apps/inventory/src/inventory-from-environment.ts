import { join } from "node:path";
import { platformHome } from "@mcp-platform/telemetry";
import type { Inventory } from "./inventory.js";
import { PostgresInventory } from "./postgres-inventory.js";
import { SqliteInventory } from "./sqlite-inventory.js";

/**
 * `MCP_INVENTORY_DB_URL=postgres://…` shares the inventory between replicas; otherwise it is the
 * SQLite file `MCP_INVENTORY_DB`, by default in the platform home. Nothing connects until first use.
 */
export function inventoryFromEnvironment(env: NodeJS.ProcessEnv = process.env): Inventory {
  if (env.MCP_INVENTORY_DB_URL) return new PostgresInventory(env.MCP_INVENTORY_DB_URL);
  return new SqliteInventory(env.MCP_INVENTORY_DB ?? join(platformHome(env), "inventory.sqlite"));
}
