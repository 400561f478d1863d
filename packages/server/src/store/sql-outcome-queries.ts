import { startOfMinute } from "./deprecated-call-tally.js";
import type { DeprecatedCalls, OutcomeQueries, OutcomeWindow, StoreOutcomes, UndoMedian } from "./outcome-queries.js";
import { actionsSql, approvalsSql, deprecatedCallsSql, killSwitchSql, undoMedianSql } from "./outcome-sql.js";
import type { StoreDialect } from "./store-dialect.js";
import { toolCounts, type ActionsRow, type ApprovalsRow, type RefusalsRow } from "./tool-count-rows.js";

/** Runs one statement with `$n` parameters and returns its rows. */
export type RowReader = (sql: string, values: readonly (string | number | null)[]) => Promise<object[]>;

interface MedianRow {
  server?: string;
  tool?: string;
  millis: number | null;
}

interface DeprecatedRow {
  server: string;
  tool: string;
  subject: string;
  calls: number;
  /** PostgreSQL returns a Date, SQLite the ISO text it stored. */
  last_at: string | Date;
  sunset: string;
}

/** The outcome aggregates, on either store: the SQL is shared, the dialect and the way to run it are not. */
export class SqlOutcomeQueries implements OutcomeQueries {
  constructor(
    private readonly dialect: StoreDialect,
    private readonly reader: RowReader,
  ) {}

  async read(window: OutcomeWindow): Promise<StoreOutcomes> {
    const d = this.dialect;
    const base = [window.since, window.now, window.server ?? null];
    const [approvals, actions, refusals, deprecated, ...medians] = await Promise.all([
      this.#rows<ApprovalsRow>(approvalsSql(d), base),
      this.#rows<ActionsRow>(actionsSql(d), [...base, window.undoWindowSeconds * 1000]),
      this.#rows<RefusalsRow>(killSwitchSql(d), base),
      // Deprecated calls are counted per minute: the minute `since` falls in is the first one counted.
      this.#rows<DeprecatedRow>(deprecatedCallsSql(d), [startOfMinute(window.since), window.now, window.server ?? null]),
      this.#rows<MedianRow>(undoMedianSql(d, ["server", "tool"]), base),
      this.#rows<MedianRow>(undoMedianSql(d, ["server"]), base),
      this.#rows<MedianRow>(undoMedianSql(d, []), base),
    ]);
    return {
      tools: toolCounts(approvals, actions, refusals),
      undoMedians: medians.flat().flatMap(undoMedian),
      deprecatedCalls: deprecated.map(deprecatedCalls),
    };
  }

  async #rows<Row extends object>(sql: string, values: (string | number | null)[]): Promise<Row[]> {
    return (await this.reader(sql, values)) as Row[];
  }
}

function undoMedian({ server, tool, millis }: MedianRow): UndoMedian[] {
  if (millis === null) return []; // the whole-store median of a store without undos
  return [{ ...(server ? { server } : {}), ...(tool ? { tool } : {}), seconds: millis / 1000 }];
}

function deprecatedCalls({ last_at, ...row }: DeprecatedRow): DeprecatedCalls {
  return { server: row.server, tool: row.tool, subject: row.subject, calls: row.calls, lastCallAt: new Date(last_at).toISOString(), sunset: row.sunset };
}
