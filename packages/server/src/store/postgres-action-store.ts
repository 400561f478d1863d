import type { Pool } from "pg";
import { ACTION_INSERT_COLUMNS, actionParameters, toActionRecord, type ActionColumns } from "./action-row.js";
import type { ActionRecord, ActionStore, ApprovalAnswer, ApprovalRequestRecord, AuditEntry } from "./action-store.js";
import type { DeprecatedCallTally } from "./deprecated-call-tally.js";
import { approvalAnswerStatement, approvalRequestStatement, deprecatedCallsStatement } from "./outcome-records-sql.js";
import { migrate } from "./postgres-migrations.js";
import { openPostgresPool, type PoolErrorSink } from "./postgres-pool.js";
import { STORE_MIGRATIONS, STORE_MIGRATIONS_TABLE } from "./postgres-store-schema.js";
import { PostgresTaskStore } from "./postgres-task-store.js";
import { SqlOutcomeQueries } from "./sql-outcome-queries.js";
import { POSTGRES_DIALECT } from "./store-dialect.js";

const ACTION_COLUMNS = `id, server, tool, subject, client_id, arguments_hash, arguments_summary, result_summary, status,
  undo_data, undo_data IS NOT NULL AS has_undo_data, undoable, created_at, undone_at, undone_by`;

type ActionRow = Omit<ActionColumns, "created_at" | "undone_at"> & {
  undo_data: unknown;
  has_undo_data: boolean;
  created_at: Date;
  undone_at: Date | null;
};

/**
 * The shared store for replicas (`MCP_STORE_URL=postgres://…`). Every claim is one conditional
 * statement, so two replicas racing for the same undo or approval token cannot both win.
 */
export class PostgresActionStore implements ActionStore {
  readonly #pool: Pool;
  readonly #pending = new Set<Promise<unknown>>();
  readonly tasks = new PostgresTaskStore((sql, values) => this.#run(sql, values));
  readonly outcomes = new SqlOutcomeQueries(POSTGRES_DIALECT, (sql, values) => this.#query(sql, [...values]));

  private constructor(pool: Pool) {
    this.#pool = pool;
  }

  /** Connects and migrates; fails if the database cannot be reached. */
  static async open(url: string, errors: PoolErrorSink): Promise<PostgresActionStore> {
    return PostgresActionStore.#migrated(await openPostgresPool(url, errors));
  }

  /**
   * The store a server already keeps in this database, for reading what it recorded: undefined, with
   * nothing created, where no server has used the database yet.
   */
  static async openExisting(url: string, errors: PoolErrorSink): Promise<PostgresActionStore | undefined> {
    const pool = await openPostgresPool(url, errors);
    const found = await pool
      .query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [STORE_MIGRATIONS_TABLE])
      .catch(async (error: unknown) => {
        await pool.end();
        throw error;
      });
    if (found.rows[0]?.present) return PostgresActionStore.#migrated(pool);
    await pool.end();
    return undefined;
  }

  static async #migrated(pool: Pool): Promise<PostgresActionStore> {
    try {
      await migrate(pool, STORE_MIGRATIONS_TABLE, STORE_MIGRATIONS);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresActionStore(pool);
  }

  async recordAction(a: ActionRecord): Promise<void> {
    await this.#run(`INSERT INTO mcp_actions (${ACTION_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, actionParameters(a));
  }

  async saveUndoData(id: string, data: unknown): Promise<void> {
    await this.#run("UPDATE mcp_actions SET undo_data = $2::jsonb WHERE id = $1", [id, JSON.stringify(data) ?? "null"]);
  }

  async completeAction(id: string, status: "done" | "failed", resultSummary: string): Promise<void> {
    await this.#run("UPDATE mcp_actions SET status = $2, result_summary = $3 WHERE id = $1", [id, status, resultSummary]);
  }

  async getAction(id: string): Promise<ActionRecord | undefined> {
    const rows = await this.#query<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM mcp_actions WHERE id = $1`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  async listActions(server: string, limit: number): Promise<ActionRecord[]> {
    const rows = await this.#query<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM mcp_actions WHERE server = $1 ORDER BY created_at DESC LIMIT $2`, [server, limit]);
    return rows.map(fromRow);
  }

  async claimUndo(id: string, leaseSeconds: number): Promise<boolean> {
    const now = Date.now();
    const { rowCount } = await this.#run(
      "UPDATE mcp_actions SET undo_claimed_at = $2 WHERE id = $1 AND undone_at IS NULL AND (undo_claimed_at IS NULL OR undo_claimed_at < $3)",
      [id, now, now - leaseSeconds * 1000],
    );
    return rowCount === 1;
  }

  async completeUndo(id: string, by: string, at: string): Promise<void> {
    await this.#run("UPDATE mcp_actions SET undone_at = $2, undone_by = $3 WHERE id = $1", [id, at, by]);
  }

  async releaseUndo(id: string): Promise<void> {
    await this.#run("UPDATE mcp_actions SET undo_claimed_at = NULL WHERE id = $1", [id]);
  }

  async claimApproval(id: string, expiresAt: number): Promise<boolean> {
    const { rowCount } = await this.#run(
      // One statement sees one snapshot: the purge cannot free this id for the insert, so an expired
      // entry under the same id is taken over by the conflict clause instead.
      `WITH purged AS (DELETE FROM mcp_used_approvals WHERE expires_at < $3 AND id <> $1)
       INSERT INTO mcp_used_approvals (id, expires_at) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at, outcome = NULL WHERE mcp_used_approvals.expires_at < $3`,
      [id, expiresAt, Math.floor(Date.now() / 1000)],
    );
    return rowCount === 1;
  }

  async saveApprovalOutcome(id: string, outcome: unknown): Promise<void> {
    await this.#run("UPDATE mcp_used_approvals SET outcome = $2::jsonb WHERE id = $1", [id, JSON.stringify(outcome)]);
  }

  async approvalOutcome(id: string): Promise<unknown> {
    const rows = await this.#query<{ outcome: unknown }>("SELECT outcome FROM mcp_used_approvals WHERE id = $1", [id]);
    return rows[0]?.outcome ?? undefined;
  }

  async recordAudit(e: AuditEntry): Promise<void> {
    await this.#run("INSERT INTO mcp_audit (at, server, decision, outcome, subject, tool, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
      e.at,
      e.server,
      e.decision,
      e.outcome,
      e.subject,
      e.tool ?? null,
      e.detail ?? null,
    ]);
  }

  async recordApprovalRequest(request: ApprovalRequestRecord): Promise<void> {
    const { sql, values } = approvalRequestStatement(POSTGRES_DIALECT, request);
    await this.#run(sql, values);
  }

  async recordApprovalAnswer(id: string, answer: ApprovalAnswer, at: string): Promise<void> {
    const { sql, values } = approvalAnswerStatement(POSTGRES_DIALECT, id, answer, at);
    await this.#run(sql, values);
  }

  async recordDeprecatedCalls(tallies: readonly DeprecatedCallTally[]): Promise<void> {
    for (const tally of tallies) {
      const { sql, values } = deprecatedCallsStatement(POSTGRES_DIALECT, tally);
      await this.#run(sql, values);
    }
  }

  /** Waits for writes still under way (audit records are not awaited by their callers), then disconnects. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#pending);
    if (!this.#pool.ending) await this.#pool.end();
  }

  async #query<Row extends object>(sql: string, values: unknown[]): Promise<Row[]> {
    return (await this.#run(sql, values)).rows as Row[];
  }

  #run(sql: string, values: unknown[]) {
    const query = this.#pool.query(sql, values);
    this.#pending.add(query);
    void query.finally(() => this.#pending.delete(query)).catch(() => undefined);
    return query;
  }
}

function fromRow(row: ActionRow): ActionRecord {
  return toActionRecord(
    { ...row, created_at: row.created_at.toISOString(), undone_at: row.undone_at?.toISOString() ?? null },
    row.has_undo_data ? { data: row.undo_data } : undefined,
  );
}
