import { z } from "zod";
import { defineTool, type AnyTool } from "../definition/define.js";
import type { ActionRecord, ActionStore } from "../store/action-store.js";
import { ToolError } from "../definition/tool-error.js";
import type { ScopePolicy } from "./scopes.js";

export const UNDO_TOOL = "undo_action";
export const LIST_ACTIONS_TOOL = "list_actions";

/**
 * The kit's own tools for servers whose tools can be undone: see recent actions, and revert one.
 * Undo needs the scope of the tool that acted; it is itself recorded in the audit trail.
 */
/**
 * `leaseSeconds`: how long an undo claim holds; a replica that died mid-undo releases the action
 * after it, so the undo stays possible (undo handlers restore a saved state, so a retry is safe).
 */
export function undoTools(server: string, tools: ReadonlyMap<string, AnyTool>, store: ActionStore, scopes: ScopePolicy, leaseSeconds: number): AnyTool[] {
  return [
    defineTool({
      name: LIST_ACTIONS_TOOL,
      title: "List recent actions",
      description: "Lists the most recent actions taken through this server's write tools, newest first, with whether they can still be undone.",
      access: "read",
      input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
      output: z.object({
        actions: z.array(
          z.object({
            id: z.string(),
            tool: z.string(),
            subject: z.string(),
            at: z.string(),
            status: z.enum(["pending", "done", "failed"]),
            result: z.string(),
            undoable: z.boolean(),
            undoneAt: z.string().optional(),
          }),
        ),
      }),
      handler: async ({ limit }) => ({
        actions: (await store.listActions(server, limit)).map((a) => ({
          id: a.id,
          tool: a.tool,
          subject: a.subject,
          at: a.createdAt,
          status: a.status,
          result: a.resultSummary,
          undoable: revertible(a),
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
        if (!tool?.undo || !revertible({ ...action, undoneAt: undefined })) {
          // An undone action is reported as such below; everything else here can never be undone.
          throw new ToolError(`Action ${action_id} (${action.tool}, ${action.status}) cannot be undone.`);
        }
        if (!scopes.allows(ctx.principal, tool.access)) {
          throw new ToolError(`Undoing ${action.tool} needs scope ${scopes.required(tool.access)}.`);
        }
        if (action.undoneAt) throw new ToolError(`Action ${action_id} was already undone.`);
        // Claim first, so two concurrent undos (on any replicas) cannot both run the undo handler.
        if (!(await store.claimUndo(action.id, leaseSeconds))) {
          throw new ToolError(`Action ${action_id} is being undone by another call; if that one fails, try again in ${leaseSeconds} s.`);
        }
        try {
          const message = await tool.undo({ actionId: action.id, undoData: action.undoData }, ctx);
          await store.completeUndo(action.id, ctx.principal.subject, new Date().toISOString());
          return `Undid ${action.tool} action ${action.id}: ${message}`;
        } catch (error) {
          await store.releaseUndo(action.id);
          throw error;
        }
      },
    }),
  ];
}

/**
 * Undo needs saved undo data and an action that may have changed something: `done`, or `pending`
 * (its process died mid-call, so the change may have happened; undo restores the saved state).
 */
function revertible(action: ActionRecord): boolean {
  return action.undoable && action.undoData !== undefined && action.status !== "failed" && !action.undoneAt;
}
