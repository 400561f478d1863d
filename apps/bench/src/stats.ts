export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** "median (min-max)" of repeated measurements. */
export function spread(values: number[], digits = 0): string {
  const format = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return values.length > 1 ? `${format(median(values))} (${format(Math.min(...values))}-${format(Math.max(...values))})` : format(values[0] ?? Number.NaN);
}

/**
 * How `a` compares to `b` when both were measured once per round: the ratio within each round, then
 * their median. Each round measures both within minutes, so a machine that speeds up or slows down
 * over the run shifts both sides of a ratio alike; a ratio of overall medians would mix rounds.
 */
export function pairedRatios(a: number[], b: number[]): number[] {
  return a.slice(0, b.length).map((value, round) => value / b[round]!);
}
