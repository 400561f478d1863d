import { defineTool } from "@mcp-platform/server";
import { z } from "zod";
import type { Inventory } from "../inventory.js";
import { serviceShape } from "./service-shape.js";

export function listServices(inventory: Inventory) {
  return defineTool({
    name: "list_services",
    title: "List services",
    description: "Lists services in the inventory, optionally only one team's or only those in a given status.",
    access: "read",
    input: z.object({
      team: z.string().max(100).optional().describe("Owning team, e.g. team-payments"),
      status: z.enum(["active", "maintenance"]).optional(),
    }),
    output: z.object({ services: z.array(serviceShape) }),
    handler: async ({ team, status }) => ({ services: await inventory.list({ team, status }) }),
  });
}
