import type { DeprecatedCallTally } from "./deprecated-call-tally.js";
import type { OutcomeQueries } from "./outcome-queries.js";
import type { TaskStore } from "./task-store.js";

/**
 * `pending` is written before the handler runs and stays if the process died mid-call (outcome
 * unknown); `done` and `failed` are written when the handler returns.
 */
export type ActionStatus = "pending" | "done" | "failed";

/** One action a write or destructive tool performed: who, what, and how to take it back. */
export interface ActionRecord {
  id: string;
  server: string;
  tool: string;
  subject: string;
  clientId?: string;
  argumentsHash: string;
  /** The arguments with secret-looking values redacted: for people reading the log, not for replay. */
  argumentsSummary: string;
  resultSummary: string;
  status: ActionStatus;
  undoData?: unknown;
  /** The tool declares `undo`; the action can be reverted once undo data was saved. */
  undoable: boolean;
  createdAt: string;
  undoneAt?: string;
  undoneBy?: string;
}

/** One decision of the trust boundary, as stored for later review. */
export interface AuditEntry {
  at: string;
  server: string;
  decision: string;
  outcome: string;
  subject: string;
  tool?: string;
  detail?: string;
}

/** A human was asked to approve a call; `id` is the approval's, so its answer can find it. */
export interface ApprovalRequestRecord {
  id: string;
  server: string;
  tool: string;
  subject: string;
  requestedAt: string;
  /** ISO instant the approval stops being answerable: unanswered by then, it expired. */
  expiresAt: string;
}

export type ApprovalAnswer = "granted" | "declined" | "cancelled";

/**
 * The kit's durable state behind one small interface: SQLite (`node:sqlite`) by default, PostgreSQL
 * when several replicas share it. Every method is atomic on its own.
 */
export interface ActionStore {
  /** Tool calls running as tasks, in the same database. */
  readonly tasks: TaskStore;
  /** Written before the handler runs (status `pending`), so no action can happen unrecorded. */
  recordAction(action: ActionRecord): Promise<void>;
  /** Saved when the handler calls `ctx.recordUndo`, before it changes anything. */
  saveUndoData(id: string, data: unknown): Promise<void>;
  completeAction(id: string, status: "done" | "failed", resultSummary: string): Promise<void>;
  getAction(id: string): Promise<ActionRecord | undefined>;
  listActions(server: string, limit: number): Promise<ActionRecord[]>;
  /**
   * Claims the undo of an action for `leaseSeconds`; `false` if it is undone or claimed by a live
   * claim. A claim whose holder died (a replica killed mid-undo) lapses, so the undo stays possible.
   */
  claimUndo(id: string, leaseSeconds: number): Promise<boolean>;
  completeUndo(id: string, by: string, at: string): Promise<void>;
  /** Drops a claim whose undo handler failed, so the action can be undone again at once. */
  releaseUndo(id: string): Promise<void>;
  /**
   * Claims an approval for the one execution it allows; `false` if another call (a retry, on any
   * replica) claimed it first. `expiresAt` (epoch seconds) is when the record may be purged.
   */
  claimApproval(id: string, expiresAt: number): Promise<boolean>;
  /** Keeps what the approved execution returned, so every retry of it gets the same answer. */
  saveApprovalOutcome(id: string, outcome: unknown): Promise<void>;
  /** The saved outcome of a claimed approval; `undefined` while its execution is still running. */
  approvalOutcome(id: string): Promise<unknown>;
  recordAudit(entry: AuditEntry): Promise<void>;
  /** Once per approval, however often the request is repeated. */
  recordApprovalRequest(request: ApprovalRequestRecord): Promise<void>;
  /** The first answer counts, except that a grant replaces a refusal: an approval that let the call run was approved. */
  recordApprovalAnswer(id: string, answer: ApprovalAnswer, at: string): Promise<void>;
  /** Adds each tally to its caller's count for that minute. */
  recordDeprecatedCalls(tallies: readonly DeprecatedCallTally[]): Promise<void>;
  /** Aggregates for the outcome report, read-only. */
  readonly outcomes: OutcomeQueries;
  close(): Promise<void>;
}
