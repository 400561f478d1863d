import type { ActionCounts, ApprovalCounts } from "@mcp-platform/server/store";
import type { OutcomeFigures } from "./outcome-report.js";

/** The counts of a tool, a server or the fleet: they add up, unlike medians and rates. */
export interface Counts {
  approvals: ApprovalCounts;
  actions: ActionCounts;
  deprecatedCalls: number;
  killSwitchRefusals: number;
}

export function noCounts(): Counts {
  return {
    approvals: { requested: 0, approved: 0, declined: 0, expired: 0, pending: 0 },
    actions: { run: 0, failed: 0, undone: 0, undoneWithinWindow: 0 },
    deprecatedCalls: 0,
    killSwitchRefusals: 0,
  };
}

export function addCounts(a: Counts, b: Partial<Counts>): Counts {
  return {
    approvals: b.approvals ? sumFields(a.approvals, b.approvals) : a.approvals,
    actions: b.actions ? sumFields(a.actions, b.actions) : a.actions,
    deprecatedCalls: a.deprecatedCalls + (b.deprecatedCalls ?? 0),
    killSwitchRefusals: a.killSwitchRefusals + (b.killSwitchRefusals ?? 0),
  };
}

export function figures(counts: Counts, medianSecondsToUndo: number | null): OutcomeFigures {
  const { requested, declined, expired } = counts.approvals;
  return {
    approvals: counts.approvals,
    overrideRate: requested === 0 ? null : (declined + expired + counts.actions.undone) / requested,
    actions: { ...counts.actions, medianSecondsToUndo },
    deprecatedCalls: counts.deprecatedCalls,
    killSwitchRefusals: counts.killSwitchRefusals,
  };
}

function sumFields<T extends object>(a: T, b: T): T {
  const sum = { ...a } as Record<string, number>;
  for (const [key, value] of Object.entries(b) as [string, number][]) sum[key] = (sum[key] ?? 0) + value;
  return sum as T;
}
