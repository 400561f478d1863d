import type { DatabaseSync } from "node:sqlite";
import { jsonColumn, taskFromRow, taskParameters, type DecodedTaskRow } from "./task-row.js";
import { TERMINAL_STATUSES, withAnswers, type TaskChanges, type TaskError, type TaskRecord, type TaskStatus, type TaskStore } from "./task-store.js";

export const SQLITE_TASKS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY, server TEXT NOT NULL, tool TEXT NOT NULL, subject TEXT NOT NULL, status TEXT NOT NULL,
    status_message TEXT, created_at TEXT NOT NULL, last_updated_at TEXT NOT NULL, expires_at INTEGER,
    ttl_ms INTEGER, poll_interval_ms INTEGER NOT NULL, input_requests TEXT NOT NULL, input_responses TEXT NOT NULL,
    result TEXT, error TEXT, heartbeat_at INTEGER NOT NULL
  );
`;

const TERMINAL = TERMINAL_STATUSES.map((status) => `'${status}'`).join(", ");

/** As `node:sqlite` returns it: JSON as text. */
interface TaskRow extends Omit<DecodedTaskRow, "input_requests" | "input_responses" | "result" | "error"> {
  input_requests: string;
  input_responses: string;
  result: string | null;
  error: string | null;
}

/** Tasks in the embedded SQLite store; every statement runs alone, so each method is atomic. */
export class SqliteTaskStore implements TaskStore {
  constructor(private readonly db: DatabaseSync) {}

  createTask(t: TaskRecord): Promise<void> {
    this.db.prepare("DELETE FROM tasks WHERE expires_at < ?").run(Date.now());
    this.db
      .prepare(
        `INSERT INTO tasks (id, server, tool, subject, status, status_message, created_at, last_updated_at, expires_at, ttl_ms,
          poll_interval_ms, input_requests, input_responses, result, error, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...taskParameters(t, t.ttlMs === null ? null : Date.parse(t.createdAt) + t.ttlMs));
    return Promise.resolve();
  }

  getTask(id: string): Promise<TaskRecord | undefined> {
    const row = this.db.prepare("SELECT * FROM tasks WHERE id = ?").get(id) as TaskRow | undefined;
    return Promise.resolve(row && fromRow(row));
  }

  updateTask(id: string, changes: TaskChanges): Promise<boolean> {
    const columns: Record<string, unknown> = {
      status: changes.status,
      status_message: changes.statusMessage,
      result: jsonColumn(changes.result),
      error: jsonColumn(changes.error),
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined && value !== null);
    const assignments = [...set.map(([column]) => `${column} = ?`), "last_updated_at = ?"].join(", ");
    const values = [...set.map(([, value]) => value as string), new Date().toISOString(), id];
    const result = this.db.prepare(`UPDATE tasks SET ${assignments} WHERE id = ? AND status NOT IN (${TERMINAL})`).run(...values);
    return Promise.resolve(result.changes === 1);
  }

  askTask(id: string, requests: Record<string, unknown>): Promise<boolean> {
    const row = this.db.prepare(`SELECT input_requests FROM tasks WHERE id = ? AND status NOT IN (${TERMINAL})`).get(id) as
      { input_requests: string } | undefined;
    if (!row) return Promise.resolve(false);
    const merged = { ...(JSON.parse(row.input_requests) as Record<string, unknown>), ...requests };
    this.db
      .prepare("UPDATE tasks SET status = 'input_required', input_requests = ?, last_updated_at = ? WHERE id = ?")
      .run(JSON.stringify(merged), new Date().toISOString(), id);
    return Promise.resolve(true);
  }

  answerTask(id: string, responses: Record<string, unknown>): Promise<TaskRecord | undefined> {
    const row = this.db.prepare("SELECT * FROM tasks WHERE id = ?").get(id) as TaskRow | undefined;
    if (!row) return Promise.resolve(undefined);
    const task = withAnswers(fromRow(row), responses);
    this.db
      .prepare("UPDATE tasks SET status = ?, input_requests = ?, input_responses = ?, last_updated_at = ? WHERE id = ?")
      .run(task.status, JSON.stringify(task.inputRequests), JSON.stringify(task.inputResponses), task.lastUpdatedAt, id);
    return Promise.resolve(task);
  }

  heartbeatTask(id: string, at: number): Promise<TaskStatus | undefined> {
    this.db.prepare("UPDATE tasks SET heartbeat_at = ? WHERE id = ?").run(at, id);
    const row = this.db.prepare("SELECT status FROM tasks WHERE id = ?").get(id) as { status: TaskStatus } | undefined;
    return Promise.resolve(row?.status);
  }
}

function fromRow(row: TaskRow): TaskRecord {
  return taskFromRow({
    ...row,
    input_requests: JSON.parse(row.input_requests) as Record<string, unknown>,
    input_responses: JSON.parse(row.input_responses) as Record<string, unknown>,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error === null ? null : (JSON.parse(row.error) as TaskError),
  });
}
