import type { StoreDialect } from "./store-dialect.js";

/** Parameters of every query: $1 since, $2 now, $3 server or null; `actionsSql` adds $4, the undo window in ms. */
const SERVER = "(CAST($3 AS text) IS NULL OR server = $3)";
const count = (condition?: string) => `CAST(COUNT(*)${condition ? ` FILTER (WHERE ${condition})` : ""} AS integer)`;

export function approvalsSql(d: StoreDialect): string {
  return `SELECT server, tool, ${count()} AS requested, ${count("answer = 'granted'")} AS approved,
      ${count("answer IN ('declined', 'cancelled')")} AS declined, ${count("answer IS NULL AND expires_at <= $2")} AS expired
    FROM ${d.table("approval_requests")} WHERE requested_at >= $1 AND requested_at <= $2 AND ${SERVER} GROUP BY server, tool`;
}

export function actionsSql(d: StoreDialect): string {
  const undone = "undone_at IS NOT NULL AND undone_at <= $2";
  return `SELECT server, tool, ${count()} AS run, ${count("status = 'failed'")} AS failed, ${count(undone)} AS undone,
      ${count(`${undone} AND ${d.millisBetween("created_at", "undone_at")} <= $4`)} AS undone_within_window
    FROM ${d.table("actions")} WHERE created_at >= $1 AND created_at <= $2 AND ${SERVER} GROUP BY server, tool`;
}

export function killSwitchSql(d: StoreDialect): string {
  return `SELECT server, tool, ${count()} AS refusals FROM ${d.table("audit")}
    WHERE decision = 'kill_switch' AND at >= $1 AND at <= $2 AND ${SERVER} GROUP BY server, tool`;
}

/** `since` ($1) is rounded down to the minute here: deprecated calls are counted per minute. */
export function deprecatedCallsSql(d: StoreDialect): string {
  return `SELECT server, tool, subject, CAST(SUM(calls) AS integer) AS calls, MAX(last_at) AS last_at, MAX(sunset) AS sunset
    FROM ${d.table("deprecated_calls")} WHERE minute >= $1 AND minute <= $2 AND ${SERVER} GROUP BY server, tool, subject`;
}

/**
 * The median time to undo over each group of `keys` (none: the whole store): the middle row, or
 * the mean of the two middle rows, of the undos ranked by delay. Both databases have window functions.
 */
export function undoMedianSql(d: StoreDialect, keys: readonly ("server" | "tool")[]): string {
  const delay = d.millisBetween("created_at", "undone_at");
  const partition = keys.length > 0 ? `PARTITION BY ${keys.join(", ")}` : "";
  const grouped = keys.length > 0 ? `GROUP BY ${keys.join(", ")}` : "";
  return `WITH undos AS (
      SELECT ${[...keys, `${delay} AS millis`].join(", ")},
        ROW_NUMBER() OVER (${partition} ORDER BY ${delay}) AS row_rank, COUNT(*) OVER (${partition}) AS total
      FROM ${d.table("actions")} WHERE created_at >= $1 AND created_at <= $2 AND undone_at IS NOT NULL AND undone_at <= $2 AND ${SERVER}
    )
    SELECT ${[...keys, "CAST(AVG(millis) AS double precision) AS millis"].join(", ")}
    FROM undos WHERE row_rank IN ((total + 1) / 2, (total + 2) / 2) ${grouped}`;
}
