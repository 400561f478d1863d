import { outcomeReport, type OutcomeReportInput } from "../../outcomes/build-outcome-report.js";
import type { OutcomeReport } from "../../outcomes/outcome-report.js";

/** What the fleet page shows from a store: the window's figures, and the same window cut in periods for its charts. */
export interface FleetOutcomes {
  total: OutcomeReport;
  /** Equal periods from `since` to `now`, oldest first. */
  periods: OutcomeReport[];
}

/** The outcome report for the whole window and for each of `periods` equal parts of it. */
export async function fleetOutcomes(input: Omit<OutcomeReportInput, "server"> & { periods: number }): Promise<FleetOutcomes> {
  const { periods, ...report } = input;
  const start = report.since.getTime();
  const step = (report.now.getTime() - start) / periods;
  const parts = Array.from({ length: periods }, (_, index) =>
    outcomeReport({ ...report, since: new Date(start + index * step), now: new Date(start + (index + 1) * step) }),
  );
  const [total, ...each] = await Promise.all([outcomeReport(report), ...parts]);
  return { total, periods: each };
}
