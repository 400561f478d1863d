/** Where the two stores' SQL differs: table names, time arithmetic, a function name. The rest is shared. */
export interface StoreDialect {
  table(name: "actions" | "audit" | "approval_requests" | "deprecated_calls"): string;
  /** Whole milliseconds from one timestamp column to another. */
  millisBetween(from: string, to: string): string;
  /** The larger of two values. */
  greatest(a: string, b: string): string;
}

export const SQLITE_DIALECT: StoreDialect = {
  table: (name) => name,
  // julianday() arithmetic drifts by microseconds; whole milliseconds compare exactly.
  millisBetween: (from, to) => `(${epochMillis(to)} - ${epochMillis(from)})`,
  greatest: (a, b) => `max(${a}, ${b})`,
};

export const POSTGRES_DIALECT: StoreDialect = {
  table: (name) => `mcp_${name}`,
  millisBetween: (from, to) => `(EXTRACT(EPOCH FROM ${to} - ${from}) * 1000)`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
};

function epochMillis(column: string): string {
  return `CAST(ROUND(unixepoch(${column}, 'subsec') * 1000) AS integer)`;
}

/** Shared statements are written with PostgreSQL's `$n` parameters; SQLite numbers them `?n`. */
export function sqlitePlaceholders(sql: string): string {
  return sql.replaceAll(/\$(\d+)/g, "?$1");
}
