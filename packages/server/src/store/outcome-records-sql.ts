import type { ApprovalRequestRecord } from "./action-store.js";
import type { DeprecatedCallTally } from "./deprecated-call-tally.js";
import type { StoreDialect } from "./store-dialect.js";

/** A statement and its `$n` parameters, for either store to run. */
export interface Statement {
  sql: string;
  values: (string | number)[];
}

/** A repeated request (a client retrying without an answer) is the same approval: it is kept once. */
export function approvalRequestStatement(d: StoreDialect, r: ApprovalRequestRecord): Statement {
  return {
    sql: `INSERT INTO ${d.table("approval_requests")} (id, server, tool, subject, requested_at, expires_at)
      VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
    values: [r.id, r.server, r.tool, r.subject, r.requestedAt, r.expiresAt],
  };
}

export function approvalAnswerStatement(d: StoreDialect, id: string, answer: string, at: string): Statement {
  return {
    sql: `UPDATE ${d.table("approval_requests")} SET answer = $2, answered_at = $3
      WHERE id = $1 AND (answer IS NULL OR (CAST($2 AS text) = 'granted' AND answer <> 'granted'))`,
    values: [id, answer, at],
  };
}

export function deprecatedCallsStatement(d: StoreDialect, t: DeprecatedCallTally): Statement {
  const table = d.table("deprecated_calls");
  return {
    sql: `INSERT INTO ${table} (server, tool, subject, minute, sunset, calls, last_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (server, tool, subject, minute) DO UPDATE SET calls = ${table}.calls + excluded.calls,
        last_at = ${d.greatest(`${table}.last_at`, "excluded.last_at")}, sunset = excluded.sunset`,
    values: [t.server, t.tool, t.subject, t.minute, t.sunset, t.calls, t.lastAt],
  };
}
