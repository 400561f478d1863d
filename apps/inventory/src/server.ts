import { defineServer, packageVersion } from "@mcp-platform/server";
import type { Inventory } from "./inventory.js";
import { inventoryFromEnvironment } from "./inventory-from-environment.js";
import { getService } from "./tools/get-service.js";
import { listServices } from "./tools/list-services.js";
import { setMaintenanceMode } from "./tools/set-maintenance-mode.js";

/** The inventory's data is configured by environment (see `inventoryFromEnvironment`); tests pass their own. */
export function createInventoryServer(inventory: Inventory = inventoryFromEnvironment()) {
  return defineServer({
    name: "inventory",
    title: "Service inventory",
    version: packageVersion(import.meta.url),
    owner: "team-platform",
    description: "Look up services and their owners; put a service into maintenance mode (approval required, undoable).",
    instructions:
      "Use list_services and get_service to look things up. set_maintenance_mode changes production state: " +
      "it asks for approval first, and list_actions / undo_action can revert it.",
    tools: [listServices(inventory), getService(inventory), setMaintenanceMode(inventory)],
    // The on-call's shell script that flipped maintenance mode in the database, without approval or undo.
    replaces: ["script:set-maintenance-mode"],
  });
}

/** Every app's main export is its server definition (read by contract snapshots and the catalog). */
export default createInventoryServer();
