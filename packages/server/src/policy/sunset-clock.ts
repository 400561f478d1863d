import type { Deprecation } from "../definition/define.js";

/** setTimeout's longest delay (about 24.8 days): a later sunset is waited for in steps. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;
const DAY_MS = 86_400_000;

/**
 * Calls `onRetire` as each sunset passes: at the first UTC midnight after the sunset date, when
 * `isPastSunset` turns true. A server that runs for weeks then drops the tool from its list and
 * tells its clients, rather than listing a tool that only refuses until the next restart.
 * Returns what stops it.
 */
export function watchSunsets(deprecations: readonly Deprecation[], onRetire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    const now = Date.now();
    const next = Math.min(...deprecations.map(retirementTime).filter((time) => time > now));
    if (!Number.isFinite(next)) return;
    timer = setTimeout(
      () => {
        if (Date.now() >= next) onRetire();
        schedule();
      },
      Math.min(next - now, LONGEST_TIMEOUT_MS),
    ).unref();
  };
  schedule();
  return () => clearTimeout(timer);
}

function retirementTime(deprecation: Deprecation): number {
  return Date.parse(`${deprecation.sunset}T00:00:00Z`) + DAY_MS;
}
