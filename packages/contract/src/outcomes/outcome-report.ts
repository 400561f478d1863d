import type { ActionCounts, ApprovalCounts } from "@mcp-platform/server/store";

/**
 * The outcome report (`mcp-platform outcomes --format json`): what the trust boundary's decisions
 * came to, for the fleet, each server and each tool. A stable shape: fields are only ever added.
 */
export interface OutcomeReport {
  /** ISO instants: the records counted are those from `since` up to `generatedAt`. */
  generatedAt: string;
  since: string;
  /** An undo at most this long after its action counts in `undoneWithinWindow`, the false-positive signal. */
  undoWindowSeconds: number;
  /** Set when the report covers one server only. */
  server?: string;
  fleet: OutcomeFigures;
  servers: ServerOutcome[];
  /** The one-off integrations servers declare they replaced (`replaces` in `defineServer`). */
  integrationsRetired: { total: number; servers: { server: string; replaces: string[] }[] };
}

export interface OutcomeFigures {
  approvals: ApprovalCounts;
  /** How often humans overrode the automation: (declined + expired + undone) / requested; null without requests. */
  overrideRate: number | null;
  /** `medianSecondsToUndo` is null when nothing was undone (or the undos are spread over several stores). */
  actions: ActionCounts & { medianSecondsToUndo: number | null };
  deprecatedCalls: number;
  killSwitchRefusals: number;
}

export interface ServerOutcome extends OutcomeFigures {
  server: string;
  replaces: string[];
  tools: ToolOutcome[];
}

export interface ToolOutcome extends OutcomeFigures {
  tool: string;
  /** Who still calls the tool although it is deprecated, and the date after which it will refuse them. */
  deprecatedCallers: DeprecatedCaller[];
}

export interface DeprecatedCaller {
  subject: string;
  calls: number;
  lastCallAt: string;
  sunset: string;
}
