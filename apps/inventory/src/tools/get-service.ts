import { defineTool, ToolError } from "@mcp-platform/server";
import { z } from "zod";
import type { Inventory } from "../inventory.js";
import { serviceShape } from "./service-shape.js";

export function getService(inventory: Inventory) {
  return defineTool({
    name: "get_service",
    title: "Get a service",
    description: "Returns one service's owner, tier and status.",
    access: "read",
    input: z.object({ name: z.string().max(100).describe("Service name, e.g. payments-api") }),
    output: serviceShape,
    handler: async ({ name }) => {
      const service = await inventory.get(name);
      if (!service) throw new ToolError(`No service "${name}" in the inventory.`);
      return service;
    },
  });
}
