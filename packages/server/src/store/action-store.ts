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
  undoData?: unknown;
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

/**
 * The kit's durable state behind one small interface: SQLite (`node:sqlite`) by default, PostgreSQL
 * when several replicas share it. Every method is atomic on its own.
 */
export interface ActionStore {
  recordAction(action: ActionRecord): Promise<void>;
  getAction(id: string): Promise<ActionRecord | undefined>;
  listActions(server: string, limit: number): Promise<ActionRecord[]>;
  /** Marks an action undone; `false` if it was already undone (two callers cannot both undo it). */
  markUndone(id: string, by: string, at: string): Promise<boolean>;
  /** Clears an undo claim whose undo handler failed, so the action can be undone again. */
  releaseUndo(id: string): Promise<void>;
  /** Records an approval token as used; `false` if it was used before (replay). */
  consumeApproval(id: string, expiresAt: number): Promise<boolean>;
  recordAudit(entry: AuditEntry): Promise<void>;
  close(): Promise<void>;
}
