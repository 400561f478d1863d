import type { OutcomeFigures } from "./outcome-report.js";

/** How the report's figures read, in the terminal table and the HTML alike. */

export const FIGURE_COLUMNS = [
  "asked",
  "approved",
  "declined",
  "expired",
  "pending",
  "override",
  "run",
  "failed",
  "undone",
  "in window",
  "median undo",
  "deprecated calls",
  "kill switch",
];

/** One cell per `FIGURE_COLUMNS` entry. */
export function figureCells(f: OutcomeFigures): string[] {
  const { approvals: a, actions: x } = f;
  const approvals = [a.requested, a.approved, a.declined, a.expired, a.pending].map(String);
  const actions = [x.run, x.failed, x.undone, x.undoneWithinWindow].map(String);
  return [...approvals, percent(f.overrideRate), ...actions, duration(x.medianSecondsToUndo), String(f.deprecatedCalls), String(f.killSwitchRefusals)];
}

/** `33%`, or a dash when there is nothing to divide by. */
export function percent(rate: number | null): string {
  return rate === null ? "-" : `${Math.round(rate * 100)}%`;
}

/** `45s`, `12m`, `3.5h`, `2d`: the largest unit that keeps the number readable. */
export function duration(seconds: number | null): string {
  if (seconds === null) return "-";
  const units: [string, number][] = [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
  ];
  for (const [unit, size] of units) if (seconds >= size) return `${round(seconds / size)}${unit}`;
  return `${round(seconds)}s`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
