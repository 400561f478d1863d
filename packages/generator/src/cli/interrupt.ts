import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

type InterruptSignal = (typeof SIGNALS)[number];

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
 * Calls `interrupt` on SIGINT or SIGTERM, instead of the process ending there and then, until the
 * function it returns is called: the run first stops its commands and puts back what it wrote.
 */
export function onInterrupt(interrupt: (reason: Interrupted) => void): () => void {
  const listeners = SIGNALS.map((signal) => [signal, () => interrupt(new Interrupted(signal))] as const);
  for (const [signal, listener] of listeners) process.on(signal, listener);
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}
