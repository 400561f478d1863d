import { constants } from "node:os";

type InterruptSignal = "SIGINT" | "SIGTERM";

/** A run stopped by Ctrl-C (SIGINT) or SIGTERM; like any failed run, it is undone. */
export class Interrupted extends Error {
  override name = "Interrupted";

  constructor(readonly signal: InterruptSignal) {
    super(`interrupted by ${signal}: rolled back, nothing this run wrote is left`);
  }

  /** 128 + the signal's number, as a shell reports a process that signal ended: 130, 143. */
  get exitCode(): number {
    return 128 + constants.signals[this.signal];
  }
}

/**
 * A signal that SIGINT or SIGTERM aborts (the reason: `Interrupted`) instead of ending the process
 * there and then, so that the run first stops its commands and puts back what it wrote. Signals
 * after the first are ignored: a second Ctrl-C cannot cut that rollback short.
 */
export function abortOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort(new Interrupted(signal)));
  return controller.signal;
}
