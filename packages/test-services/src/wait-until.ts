import { setTimeout as sleep } from "node:timers/promises";

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** The error thrown once `timeoutMs` have passed with nothing found. */
  timedOut: () => Error;
}

/**
 * Calls `check` until it returns something other than `undefined`, and resolves with that. Time is
 * measured on the monotonic clock: a step of the wall clock (NTP, a virtual machine paused and
 * resumed) must not end a wait early while the thing waited for has had no time to happen.
 */
export async function waitUntil<T>(check: () => T | undefined | Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw options.timedOut();
    await sleep(options.intervalMs ?? 50);
  }
}
