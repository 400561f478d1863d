import { defineTool, ToolError } from "@mcp-platform/server";
import { z } from "zod";
import type { Inventory, Service } from "../inventory.js";
import { serviceShape } from "./service-shape.js";

interface PreviousState {
  name: string;
  status: Service["status"];
  maintenanceReason: string | null;
}

/** The write action: putting a service into (or out of) maintenance mode, approved first, undoable. */
export function setMaintenanceMode(inventory: Inventory) {
  const existing = async (name: string) => {
    const service = await inventory.get(name);
    if (!service) throw new ToolError(`No service "${name}" in the inventory.`);
    return service;
  };
  return defineTool({
    name: "set_maintenance_mode",
    title: "Set maintenance mode",
    description: "Puts a service into maintenance mode (alerts muted, deploys frozen) or takes it out again.",
    access: "write",
    hints: { idempotent: true },
    input: z.object({
      service: z.string().max(100).describe("Service name, e.g. payments-api"),
      enabled: z.boolean().describe("true to enter maintenance mode, false to leave it"),
      reason: z.string().min(3).max(200).describe("Why, for the audit trail and the on-call"),
    }),
    output: serviceShape,
    plan: async ({ service, enabled, reason }) => {
      const current = await existing(service);
      const target = enabled ? "maintenance" : "active";
      return `${service} (tier ${current.tier}, ${current.team}) goes from ${current.status} to ${target}. Reason: ${reason}.`;
    },
    handler: async ({ service, enabled, reason }, ctx) => {
      const before = await existing(service);
      await ctx.recordUndo({ name: before.name, status: before.status, maintenanceReason: before.maintenanceReason } satisfies PreviousState);
      return inventory.setStatus(service, enabled ? "maintenance" : "active", enabled ? reason : null);
    },
    undo: async ({ undoData }) => {
      const previous = undoData as PreviousState;
      const restored = await inventory.setStatus(previous.name, previous.status, previous.maintenanceReason);
      return `${restored.name} is ${restored.status} again.`;
    },
  });
}
