/** The stretch of records an outcome report covers, and how it judges undos. */
export interface OutcomeWindow {
  /** ISO instant: records from then on count. */
  since: string;
  /** ISO instant the report is taken at: an approval still unanswered at its expiry before then has expired. */
  now: string;
  /** An undo at most this long after its action counts as a false positive of the automation. */
  undoWindowSeconds: number;
  /** Only this server's records; every server sharing the store when absent. */
  server?: string;
}

/** What became of the approvals a tool asked humans for. */
export interface ApprovalCounts {
  requested: number;
  approved: number;
  /** Declined or cancelled by the human. */
  declined: number;
  /** Not answered before the approval's time to live ran out (or answered too late). */
  expired: number;
  /** Not answered yet, and still answerable. */
  pending: number;
}

/** What became of the actions a tool ran. */
export interface ActionCounts {
  run: number;
  failed: number;
  undone: number;
  undoneWithinWindow: number;
}

export interface ToolCounts {
  server: string;
  tool: string;
  approvals: ApprovalCounts;
  actions: ActionCounts;
  /** Calls refused because operators had switched the tool off. */
  killSwitchRefusals: number;
}

/** The median time from an action to its undo, over one tool (`tool` set), one server, or the whole store. */
export interface UndoMedian {
  server?: string;
  tool?: string;
  seconds: number;
}

/** Calls one caller made to a deprecated tool. */
export interface DeprecatedCalls {
  server: string;
  tool: string;
  subject: string;
  calls: number;
  lastCallAt: string;
  /** The date after which the tool refuses calls, as it was declared when called. */
  sunset: string;
}

export interface StoreOutcomes {
  tools: ToolCounts[];
  undoMedians: UndoMedian[];
  deprecatedCalls: DeprecatedCalls[];
}

/**
 * Read-only aggregates over what the trust boundary recorded, computed by the database (no rows
 * are loaded into memory): the figures of the outcome report.
 */
export interface OutcomeQueries {
  read(window: OutcomeWindow): Promise<StoreOutcomes>;
}
