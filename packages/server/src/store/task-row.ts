import type { TaskError, TaskRecord, TaskStatus } from "./task-store.js";

/** A row of the tasks table once a store decoded its driver's types (dates, numbers, JSON). */
export interface DecodedTaskRow {
  id: string;
  server: string;
  tool: string;
  subject: string;
  status: TaskStatus;
  status_message: string | null;
  created_at: string;
  last_updated_at: string;
  ttl_ms: number | null;
  poll_interval_ms: number;
  input_requests: Record<string, unknown>;
  input_responses: Record<string, unknown>;
  result: unknown;
  error: TaskError | null;
  heartbeat_at: number;
}

export function taskFromRow(row: DecodedTaskRow): TaskRecord {
  return {
    id: row.id,
    server: row.server,
    tool: row.tool,
    subject: row.subject,
    status: row.status,
    ...(row.status_message === null ? {} : { statusMessage: row.status_message }),
    createdAt: row.created_at,
    lastUpdatedAt: row.last_updated_at,
    ttlMs: row.ttl_ms,
    pollIntervalMs: row.poll_interval_ms,
    inputRequests: row.input_requests,
    inputResponses: row.input_responses,
    ...(row.result === null ? {} : { result: row.result }),
    ...(row.error === null ? {} : { error: row.error }),
    heartbeatAt: row.heartbeat_at,
  };
}

/**
 * A task's column values in the order both stores insert them; `expiresAt` is in the store's own
 * time type (PostgreSQL a `Date`, SQLite epoch milliseconds), `null` for a task that never expires.
 */
export function taskParameters<Time extends Date | number>(t: TaskRecord, expiresAt: Time | null): (string | number | Time | null)[] {
  return [
    t.id,
    t.server,
    t.tool,
    t.subject,
    t.status,
    t.statusMessage ?? null,
    t.createdAt,
    t.lastUpdatedAt,
    expiresAt,
    t.ttlMs,
    t.pollIntervalMs,
    JSON.stringify(t.inputRequests),
    JSON.stringify(t.inputResponses),
    jsonColumn(t.result),
    jsonColumn(t.error),
    t.heartbeatAt,
  ];
}

/** A JSON column's value: `null` for a value that is not there. */
export function jsonColumn(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
