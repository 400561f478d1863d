import type { ActionRecord } from "./action-store.js";

/** The `actions` columns an insert writes, in the order of `actionParameters`. */
export const ACTION_INSERT_COLUMNS =
  "id, server, tool, subject, client_id, arguments_hash, arguments_summary, result_summary, undo_data, undoable, created_at, status";

/** An action as both stores bind it: undo data as JSON text, `undoable` as 1/0 (PostgreSQL reads that as boolean too). */
export function actionParameters(a: ActionRecord): (string | number | null)[] {
  return [
    a.id,
    a.server,
    a.tool,
    a.subject,
    a.clientId ?? null,
    a.argumentsHash,
    a.argumentsSummary,
    a.resultSummary,
    a.undoData === undefined ? null : JSON.stringify(a.undoData),
    a.undoable ? 1 : 0,
    a.createdAt,
    a.status,
  ];
}

/** An `actions` row once its store has turned its own column types into these. */
export interface ActionColumns {
  id: string;
  server: string;
  tool: string;
  subject: string;
  client_id: string | null;
  arguments_hash: string;
  arguments_summary: string;
  result_summary: string;
  status: string;
  undoable: boolean;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

/** `undo` is absent when the action kept no undo data (a stored JSON `null` is data). */
export function toActionRecord(row: ActionColumns, undo: { data: unknown } | undefined): ActionRecord {
  return {
    id: row.id,
    server: row.server,
    tool: row.tool,
    subject: row.subject,
    ...(row.client_id ? { clientId: row.client_id } : {}),
    argumentsHash: row.arguments_hash,
    argumentsSummary: row.arguments_summary,
    resultSummary: row.result_summary,
    status: row.status as ActionRecord["status"],
    ...(undo ? { undoData: undo.data } : {}),
    undoable: row.undoable,
    createdAt: row.created_at,
    ...(row.undone_at ? { undoneAt: row.undone_at, undoneBy: row.undone_by ?? "" } : {}),
  };
}
