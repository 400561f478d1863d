import { z } from "zod";
import { defineTool, type AnyTool } from "../define.js";
import type { ActionStore } from "../store/action-store.js";
import { ToolError } from "../tool-error.js";
import type { ScopePolicy } from "./scopes.js";

export const UNDO_TOOL = "undo_action";
export const LIST_ACTIONS_TOOL = "list_actions";

/**
 * The kit's own tools for servers whose tools can be undone: see recent actions, and revert one.
 * Undo needs the scope of the tool that acted; it is itself recorded in the audit trail.
 */
export function undoTools(server: string, tools: ReadonlyMap<string, AnyTool>, store: ActionStore, scopes: ScopePolicy): AnyTool[] {
  return [
    defineTool({
      name: LIST_ACTIONS_TOOL,
      title: "List recent actions",
      description: "Lists the most recent actions taken through this server's write tools, newest first, with whether they can still be undone.",
      access: "read",
      input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
      output: z.object({
        actions: z.array(
          z.object({ id: z.string(), tool: z.string(), subject: z.string(), at: z.string(), result: z.string(), undoable: z.boolean(), undoneAt: z.string().optional() }),
        ),
      }),
      handler: async ({ limit }) => ({
        actions: (await store.listActions(server, limit)).map((a) => ({
          id: a.id,
          tool: a.tool,
          subject: a.subject,
          at: a.createdAt,
          result: a.resultSummary,
          undoable: a.undoable && !a.undoneAt,
          ...(a.undoneAt ? { undoneAt: a.undoneAt } : {}),
        })),
      }),
    }),
    defineTool({
      name: UNDO_TOOL,
      title: "Undo an action",
      description: "Reverts one earlier action of this server by its action id (from the action's result or list_actions).",
      access: "write",
      hints: { idempotent: true },
      input: z.object({ action_id: z.string().uuid().describe("The id of the action to revert") }),
      handler: async ({ action_id }, ctx) => {
        const action = await store.getAction(action_id);
        if (!action || action.server !== server) throw new ToolError(`No action ${action_id} on this server.`);
        const tool = tools.get(action.tool);
        if (!tool?.undo || !action.undoable) throw new ToolError(`Action ${action_id} (${action.tool}) cannot be undone.`);
        if (!scopes.allows(ctx.principal, tool.access)) {
          throw new ToolError(`Undoing ${action.tool} needs scope ${scopes.required(tool.access)}.`);
        }
        // Claim first, so two concurrent undos (on any replicas) cannot both run the undo handler.
        if (!(await store.markUndone(action.id, ctx.principal.subject, new Date().toISOString()))) {
          throw new ToolError(`Action ${action_id} was already undone.`);
        }
        try {
          const message = await tool.undo({ actionId: action.id, undoData: action.undoData }, ctx);
          return `Undid ${action.tool} action ${action.id}: ${message}`;
        } catch (error) {
          await store.releaseUndo(action.id);
          throw error;
        }
      },
    }),
  ];
}
