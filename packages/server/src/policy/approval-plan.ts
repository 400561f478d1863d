import type { AnyTool } from "../definition/define.js";
import { UNDO_TOOL } from "./undo-tools.js";

/** What the person approving a call reads: what it would do, and whether it can be taken back. */
export function approvalPlan(tool: Pick<AnyTool, "undo" | "irreversible">, plan: string): string {
  if (tool.irreversible) return `${plan}\n\nThis cannot be undone: ${tool.irreversible}`;
  if (tool.undo) return `${plan}\n\nIt can be undone afterwards (${UNDO_TOOL}).`;
  return plan;
}
