import { z } from "zod";

/** A service as the inventory tools return it. */
export const serviceShape = z.object({
  name: z.string(),
  team: z.string(),
  tier: z.number().int(),
  status: z.enum(["active", "maintenance"]),
  maintenanceReason: z.string().nullable(),
  updatedAt: z.string(),
});
