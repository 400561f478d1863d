import { z } from "zod";
import { defineServer, defineTool } from "../definition/define.js";
import { ToolError } from "../definition/tool-error.js";

/**
 * A server whose tools make every outcome the report counts: a write tool with undo that can fail,
 * a deprecated read tool, and a read tool for the kill switch to refuse.
 */
export function ledgerServer(name: string) {
  const flags = new Map<string, string>();
  return defineServer({
    name,
    version: "1.0.0",
    owner: "team-platform",
    description: "Outcome report test server",
    tools: [
      defineTool({
        name: "set_flag",
        description: "Sets a flag; fails after saving its undo data when asked to",
        access: "write",
        input: z.object({ flag: z.string().max(50), value: z.string().max(50), fail: z.boolean().default(false) }),
        plan: ({ flag, value }) => `Set ${flag} to ${value}.`,
        handler: async ({ flag, value, fail }, ctx) => {
          await ctx.recordUndo({ flag, previous: flags.get(flag) ?? "unset" });
          if (fail) throw new ToolError(`Could not set ${flag}`);
          flags.set(flag, value);
          return `${flag} is ${value}`;
        },
        undo: ({ undoData }) => {
          const { flag, previous } = undoData as { flag: string; previous: string };
          flags.set(flag, previous);
          return `${flag} is ${previous} again`;
        },
      }),
      defineTool({
        name: "read_flag",
        description: "Reads a flag",
        access: "read",
        input: z.object({ flag: z.string().max(50) }),
        handler: ({ flag }) => flags.get(flag) ?? "unset",
      }),
      defineTool({
        name: "get_flag",
        description: "Reads a flag (the old name)",
        access: "read",
        deprecated: { since: "2026-01-01", sunset: "2099-01-01", replacement: "read_flag", reason: "Renamed." },
        input: z.object({ flag: z.string().max(50) }),
        handler: ({ flag }) => flags.get(flag) ?? "unset",
      }),
    ],
  });
}
