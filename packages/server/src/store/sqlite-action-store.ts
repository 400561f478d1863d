import type { DatabaseSync } from "node:sqlite";
import { ACTION_INSERT_COLUMNS, actionParameters, toActionRecord, type ActionColumns } from "./action-row.js";
import type { ActionRecord, ActionStore, ApprovalAnswer, ApprovalRequestRecord, AuditEntry } from "./action-store.js";
import type { DeprecatedCallTally } from "./deprecated-call-tally.js";
import { approvalAnswerStatement, approvalRequestStatement, deprecatedCallsStatement, type Statement } from "./outcome-records-sql.js";
import { SqlOutcomeQueries } from "./sql-outcome-queries.js";
import { openSqliteFile } from "./sqlite-file.js";
import { SQLITE_DIALECT, sqlitePlaceholders } from "./store-dialect.js";
import { SQLITE_TASKS_SCHEMA, SqliteTaskStore } from "./sqlite-task-store.js";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS actions (
    id TEXT PRIMARY KEY, server TEXT NOT NULL, tool TEXT NOT NULL, subject TEXT NOT NULL, client_id TEXT,
    arguments_hash TEXT NOT NULL, arguments_summary TEXT NOT NULL, result_summary TEXT NOT NULL,
    undo_data TEXT, undoable INTEGER NOT NULL, created_at TEXT NOT NULL, undone_at TEXT, undone_by TEXT
  );
  CREATE INDEX IF NOT EXISTS actions_by_server ON actions (server, created_at);
  CREATE TABLE IF NOT EXISTS used_approvals (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS audit (
    at TEXT NOT NULL, server TEXT NOT NULL, decision TEXT NOT NULL, outcome TEXT NOT NULL,
    subject TEXT NOT NULL, tool TEXT, detail TEXT
  );
`;

/** Schema changes after the first release, applied once per file (tracked in `PRAGMA user_version`). */
const UPGRADES = [
  `ALTER TABLE actions ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
   ALTER TABLE actions ADD COLUMN undo_claimed_at INTEGER;`,
  `ALTER TABLE used_approvals ADD COLUMN outcome TEXT;`,
  `CREATE TABLE approval_requests (
     id TEXT PRIMARY KEY, server TEXT NOT NULL, tool TEXT NOT NULL, subject TEXT NOT NULL,
     requested_at TEXT NOT NULL, expires_at TEXT NOT NULL, answer TEXT, answered_at TEXT
   );
   CREATE INDEX approval_requests_by_time ON approval_requests (requested_at);
   CREATE TABLE deprecated_calls (
     server TEXT NOT NULL, tool TEXT NOT NULL, subject TEXT NOT NULL, minute TEXT NOT NULL,
     sunset TEXT NOT NULL, calls INTEGER NOT NULL, last_at TEXT NOT NULL, PRIMARY KEY (server, tool, subject, minute)
   );`,
];

type ActionRow = Omit<ActionColumns, "undoable"> & { undo_data: string | null; undoable: number };

/** The embedded default store: one SQLite file (WAL), created on first use. */
export class SqliteActionStore implements ActionStore {
  readonly #db: DatabaseSync;
  readonly tasks: SqliteTaskStore;
  readonly outcomes: SqlOutcomeQueries;

  constructor(path: string) {
    this.#db = openSqliteFile(path, SCHEMA + SQLITE_TASKS_SCHEMA, UPGRADES);
    this.tasks = new SqliteTaskStore(this.#db);
    this.outcomes = new SqlOutcomeQueries(SQLITE_DIALECT, (sql, values) => Promise.resolve(this.#db.prepare(sqlitePlaceholders(sql)).all(...values)));
  }

  recordAction(a: ActionRecord): Promise<void> {
    this.#db.prepare(`INSERT INTO actions (${ACTION_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...actionParameters(a));
    return Promise.resolve();
  }

  saveUndoData(id: string, data: unknown): Promise<void> {
    this.#db.prepare("UPDATE actions SET undo_data = ? WHERE id = ?").run(JSON.stringify(data) ?? "null", id);
    return Promise.resolve();
  }

  completeAction(id: string, status: "done" | "failed", resultSummary: string): Promise<void> {
    this.#db.prepare("UPDATE actions SET status = ?, result_summary = ? WHERE id = ?").run(status, resultSummary, id);
    return Promise.resolve();
  }

  getAction(id: string): Promise<ActionRecord | undefined> {
    const row = this.#db.prepare("SELECT * FROM actions WHERE id = ?").get(id) as ActionRow | undefined;
    return Promise.resolve(row && fromRow(row));
  }

  listActions(server: string, limit: number): Promise<ActionRecord[]> {
    const rows = this.#db.prepare("SELECT * FROM actions WHERE server = ? ORDER BY created_at DESC LIMIT ?").all(server, limit);
    return Promise.resolve((rows as unknown as ActionRow[]).map(fromRow));
  }

  claimUndo(id: string, leaseSeconds: number): Promise<boolean> {
    const now = Date.now();
    const result = this.#db
      .prepare("UPDATE actions SET undo_claimed_at = ? WHERE id = ? AND undone_at IS NULL AND (undo_claimed_at IS NULL OR undo_claimed_at < ?)")
      .run(now, id, now - leaseSeconds * 1000);
    return Promise.resolve(result.changes === 1);
  }

  completeUndo(id: string, by: string, at: string): Promise<void> {
    this.#db.prepare("UPDATE actions SET undone_at = ?, undone_by = ? WHERE id = ?").run(at, by, id);
    return Promise.resolve();
  }

  releaseUndo(id: string): Promise<void> {
    this.#db.prepare("UPDATE actions SET undo_claimed_at = NULL WHERE id = ?").run(id);
    return Promise.resolve();
  }

  claimApproval(id: string, expiresAt: number): Promise<boolean> {
    this.#db.prepare("DELETE FROM used_approvals WHERE expires_at < ?").run(Math.floor(Date.now() / 1000));
    const result = this.#db.prepare("INSERT OR IGNORE INTO used_approvals (id, expires_at) VALUES (?, ?)").run(id, expiresAt);
    return Promise.resolve(result.changes === 1);
  }

  saveApprovalOutcome(id: string, outcome: unknown): Promise<void> {
    this.#db.prepare("UPDATE used_approvals SET outcome = ? WHERE id = ?").run(JSON.stringify(outcome), id);
    return Promise.resolve();
  }

  approvalOutcome(id: string): Promise<unknown> {
    const row = this.#db.prepare("SELECT outcome FROM used_approvals WHERE id = ?").get(id) as { outcome: string | null } | undefined;
    return Promise.resolve(row?.outcome ? (JSON.parse(row.outcome) as unknown) : undefined);
  }

  recordAudit(e: AuditEntry): Promise<void> {
    this.#db
      .prepare("INSERT INTO audit (at, server, decision, outcome, subject, tool, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(e.at, e.server, e.decision, e.outcome, e.subject, e.tool ?? null, e.detail ?? null);
    return Promise.resolve();
  }

  recordApprovalRequest(request: ApprovalRequestRecord): Promise<void> {
    this.#exec(approvalRequestStatement(SQLITE_DIALECT, request));
    return Promise.resolve();
  }

  recordApprovalAnswer(id: string, answer: ApprovalAnswer, at: string): Promise<void> {
    this.#exec(approvalAnswerStatement(SQLITE_DIALECT, id, answer, at));
    return Promise.resolve();
  }

  /** In one transaction: one write to the file, however many callers. */
  recordDeprecatedCalls(tallies: readonly DeprecatedCallTally[]): Promise<void> {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      for (const tally of tallies) this.#exec(deprecatedCallsStatement(SQLITE_DIALECT, tally));
      this.#db.exec("COMMIT");
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }

  #exec({ sql, values }: Statement): void {
    this.#db.prepare(sqlitePlaceholders(sql)).run(...values);
  }
}

function fromRow(row: ActionRow): ActionRecord {
  return toActionRecord({ ...row, undoable: row.undoable === 1 }, row.undo_data === null ? undefined : { data: JSON.parse(row.undo_data) as unknown });
}
