import type { QueryResult, QueryResultRow } from "pg";
import { jsonColumn, taskFromRow, taskParameters, type DecodedTaskRow } from "./task-row.js";
import { TERMINAL_STATUSES, type TaskChanges, type TaskRecord, type TaskStatus, type TaskStore } from "./task-store.js";

type Run = (sql: string, values: unknown[]) => Promise<QueryResult>;

const TERMINAL = TERMINAL_STATUSES.map((status) => `'${status}'`).join(", ");

/** As `pg` returns it: timestamps as dates, bigints as strings, JSON already parsed. */
interface TaskRow extends QueryResultRow, Omit<DecodedTaskRow, "created_at" | "last_updated_at" | "ttl_ms" | "heartbeat_at"> {
  created_at: Date;
  last_updated_at: Date;
  ttl_ms: string | null;
  heartbeat_at: string;
}

/**
 * Tasks in the shared PostgreSQL store. Answers are merged in one statement (it sees one snapshot
 * of the row), so two replicas answering the same task at once cannot lose either answer.
 */
export class PostgresTaskStore implements TaskStore {
  constructor(private readonly run: Run) {}

  async createTask(t: TaskRecord): Promise<void> {
    await this.run("DELETE FROM mcp_tasks WHERE expires_at < now()", []);
    await this.run(
      `INSERT INTO mcp_tasks (id, server, tool, subject, status, status_message, created_at, last_updated_at, expires_at, ttl_ms,
        poll_interval_ms, input_requests, input_responses, result, error, heartbeat_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb, $16)`,
      taskParameters(t, t.ttlMs === null ? null : new Date(Date.parse(t.createdAt) + t.ttlMs)),
    );
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    const { rows } = await this.run("SELECT * FROM mcp_tasks WHERE id = $1", [id]);
    const row = rows[0] as TaskRow | undefined;
    return row && fromRow(row);
  }

  async updateTask(id: string, changes: TaskChanges): Promise<boolean> {
    const { rowCount } = await this.run(
      `UPDATE mcp_tasks SET status = coalesce($2, status), status_message = coalesce($3, status_message),
         result = coalesce($4::jsonb, result), error = coalesce($5::jsonb, error), last_updated_at = now()
       WHERE id = $1 AND status NOT IN (${TERMINAL})`,
      [id, changes.status ?? null, changes.statusMessage ?? null, jsonColumn(changes.result), jsonColumn(changes.error)],
    );
    return rowCount === 1;
  }

  async askTask(id: string, requests: Record<string, unknown>): Promise<boolean> {
    const { rowCount } = await this.run(
      `UPDATE mcp_tasks SET status = 'input_required', input_requests = input_requests || $2::jsonb, last_updated_at = now()
       WHERE id = $1 AND status NOT IN (${TERMINAL})`,
      [id, JSON.stringify(requests)],
    );
    return rowCount === 1;
  }

  async answerTask(id: string, responses: Record<string, unknown>): Promise<TaskRecord | undefined> {
    const { rows } = await this.run(
      `WITH answered AS (SELECT key, value FROM mcp_tasks, jsonb_each($2::jsonb) WHERE id = $1 AND input_requests ? key)
       UPDATE mcp_tasks SET
         input_responses = input_responses || coalesce((SELECT jsonb_object_agg(key, value) FROM answered), '{}'::jsonb),
         input_requests = input_requests - coalesce((SELECT array_agg(key) FROM answered), '{}'::text[]),
         status = CASE WHEN (input_requests - coalesce((SELECT array_agg(key) FROM answered), '{}'::text[])) = '{}'::jsonb
                  THEN 'working' ELSE 'input_required' END,
         last_updated_at = now()
       WHERE id = $1 AND status NOT IN (${TERMINAL})
       RETURNING *`,
      [id, JSON.stringify(responses)],
    );
    return rows[0] ? fromRow(rows[0] as TaskRow) : this.getTask(id);
  }

  async heartbeatTask(id: string, at: number): Promise<TaskStatus | undefined> {
    const { rows } = await this.run("UPDATE mcp_tasks SET heartbeat_at = $2 WHERE id = $1 RETURNING status", [id, at]);
    return (rows[0] as { status: TaskStatus } | undefined)?.status;
  }
}

function fromRow(row: TaskRow): TaskRecord {
  return taskFromRow({
    ...row,
    created_at: row.created_at.toISOString(),
    last_updated_at: row.last_updated_at.toISOString(),
    ttl_ms: row.ttl_ms === null ? null : Number(row.ttl_ms),
    heartbeat_at: Number(row.heartbeat_at),
  });
}
