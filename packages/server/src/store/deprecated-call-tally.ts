/**
 * Calls one caller made to a deprecated tool within one minute. Counted in memory and added to the
 * store's row for that minute, so a deprecated read tool costs no write per call.
 */
export interface DeprecatedCallTally {
  server: string;
  tool: string;
  subject: string;
  sunset: string;
  /** ISO instant of the minute's start (see `startOfMinute`). */
  minute: string;
  calls: number;
  lastAt: string;
}

/** The minute an instant falls in, as the ISO instant it starts at: the unit deprecated calls are counted in. */
export function startOfMinute(iso: string): string {
  const at = new Date(iso);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}
