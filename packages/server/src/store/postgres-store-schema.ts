import type { Migration } from "./postgres-migrations.js";

/** The tracking table of the kit's own schema; tables carry the `mcp_` prefix so they can share a database. */
export const STORE_MIGRATIONS_TABLE = "mcp_schema_migrations";

/** Append only: a released migration is never edited, a change is a new version. */
export const STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "actions, used approvals, audit",
    sql: `
      CREATE TABLE mcp_actions (
        id text PRIMARY KEY, server text NOT NULL, tool text NOT NULL, subject text NOT NULL, client_id text,
        arguments_hash text NOT NULL, arguments_summary text NOT NULL, result_summary text NOT NULL,
        undo_data jsonb, undoable boolean NOT NULL, created_at timestamptz NOT NULL,
        undone_at timestamptz, undone_by text
      );
      CREATE INDEX mcp_actions_by_server ON mcp_actions (server, created_at DESC);
      CREATE TABLE mcp_used_approvals (id text PRIMARY KEY, expires_at bigint NOT NULL);
      CREATE INDEX mcp_used_approvals_by_expiry ON mcp_used_approvals (expires_at);
      CREATE TABLE mcp_audit (
        id bigserial PRIMARY KEY, at timestamptz NOT NULL, server text NOT NULL, decision text NOT NULL,
        outcome text NOT NULL, subject text NOT NULL, tool text, detail text
      );
      CREATE INDEX mcp_audit_by_server ON mcp_audit (server, at);
    `,
  },
  {
    version: 2,
    name: "write-ahead action status, undo claims with a lease",
    sql: `
      ALTER TABLE mcp_actions ADD COLUMN status text NOT NULL DEFAULT 'done';
      ALTER TABLE mcp_actions ADD COLUMN undo_claimed_at bigint;
    `,
  },
  {
    version: 3,
    name: "the outcome of an approved call, for its retries",
    sql: `ALTER TABLE mcp_used_approvals ADD COLUMN outcome jsonb;`,
  },
  {
    version: 4,
    name: "tasks (io.modelcontextprotocol/tasks)",
    sql: `
      CREATE TABLE mcp_tasks (
        id text PRIMARY KEY, server text NOT NULL, tool text NOT NULL, subject text NOT NULL, status text NOT NULL,
        status_message text, created_at timestamptz NOT NULL, last_updated_at timestamptz NOT NULL, expires_at timestamptz,
        ttl_ms bigint, poll_interval_ms integer NOT NULL, input_requests jsonb NOT NULL, input_responses jsonb NOT NULL,
        result jsonb, error jsonb, heartbeat_at bigint NOT NULL
      );
      CREATE INDEX mcp_tasks_by_expiry ON mcp_tasks (expires_at);
    `,
  },
  {
    version: 5,
    name: "approval requests and their answers, deprecated calls per caller and minute (outcome report)",
    sql: `
      CREATE TABLE mcp_approval_requests (
        id text PRIMARY KEY, server text NOT NULL, tool text NOT NULL, subject text NOT NULL,
        requested_at timestamptz NOT NULL, expires_at timestamptz NOT NULL, answer text, answered_at timestamptz
      );
      CREATE INDEX mcp_approval_requests_by_time ON mcp_approval_requests (requested_at);
      CREATE TABLE mcp_deprecated_calls (
        server text NOT NULL, tool text NOT NULL, subject text NOT NULL, minute timestamptz NOT NULL,
        sunset text NOT NULL, calls bigint NOT NULL, last_at timestamptz NOT NULL, PRIMARY KEY (server, tool, subject, minute)
      );
    `,
  },
];
