import { ACCESS_RULES, type AccessLevel } from "./access.js";

/**
 * A team's exception to one rule of the fleet's policy (`pnpm contract:check`), for one tool, until
 * `expires`. It is recorded in the contract, so the waiver is reviewed with the change it excuses.
 */
export interface Waiver {
  /** The policy rule waived, e.g. `inputs.unbounded` (README: Policy). */
  rule: string;
  /** Why the tool may break the rule, for the reviewer and whoever renews the waiver. */
  reason: string;
  /** ISO date (YYYY-MM-DD); the check fails after it. */
  expires: string;
}

/** What makes a tool that changes things safe to approve and to take back. */
export interface Safeguards {
  access: AccessLevel;
  plan?: unknown;
  undo?: unknown;
  /** Why a call cannot be undone (a destructive tool without `undo` must say). */
  irreversible?: string;
}

/** The reason `defineServer` refuses a tool's safeguards, or `undefined` when they make sense. */
export function safeguardsProblem(tool: Safeguards): string | undefined {
  const changesThings = ACCESS_RULES[tool.access].mayPlanAndUndo;
  if (!changesThings && (tool.plan || tool.undo || tool.irreversible !== undefined)) {
    return "is read-only: plan, undo and irreversible apply to write and destructive tools";
  }
  if (tool.irreversible !== undefined && !tool.irreversible.trim()) return "has an empty irreversible: say why a call cannot be undone";
  if (tool.irreversible !== undefined && tool.undo) return "declares both undo and irreversible: a call is one or the other";
  return undefined;
}
