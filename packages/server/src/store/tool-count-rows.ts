import type { ToolCounts } from "./outcome-queries.js";

interface ToolKey {
  server: string;
  tool: string;
}

export interface ApprovalsRow extends ToolKey {
  requested: number;
  approved: number;
  declined: number;
  expired: number;
}

export interface ActionsRow extends ToolKey {
  run: number;
  failed: number;
  undone: number;
  undone_within_window: number;
}

export interface RefusalsRow extends ToolKey {
  refusals: number;
}

/** One entry per tool found in any of the three aggregates; what a tool has none of counts 0. */
export function toolCounts(approvals: ApprovalsRow[], actions: ActionsRow[], refusals: RefusalsRow[]): ToolCounts[] {
  const tools = new Map<string, ToolCounts>();
  const entry = ({ server, tool }: ToolKey) => {
    const key = `${server}\u0000${tool}`;
    const found = tools.get(key);
    if (found) return found;
    const counts: ToolCounts = {
      server,
      tool,
      approvals: { requested: 0, approved: 0, declined: 0, expired: 0, pending: 0 },
      actions: { run: 0, failed: 0, undone: 0, undoneWithinWindow: 0 },
      killSwitchRefusals: 0,
    };
    tools.set(key, counts);
    return counts;
  };
  for (const { requested, approved, declined, expired, ...key } of approvals) {
    entry(key).approvals = { requested, approved, declined, expired, pending: requested - approved - declined - expired };
  }
  for (const { run, failed, undone, undone_within_window, ...key } of actions) {
    entry(key).actions = { run, failed, undone, undoneWithinWindow: undone_within_window };
  }
  for (const { refusals: count, ...key } of refusals) entry(key).killSwitchRefusals = count;
  return [...tools.values()];
}
