import type { Logger } from "pino";
import type { ActionStore } from "../store/action-store.js";
import { startOfMinute, type DeprecatedCallTally } from "../store/deprecated-call-tally.js";

/** How long calls are counted in memory before the counts go to the store. */
const FLUSH_DELAY_MS = 1000;

/**
 * Counts every call to a deprecated tool by caller, in memory, and adds the counts to the store a
 * moment later in one write: the call itself does no I/O, since a deprecated read tool is still on
 * the hot path. A process that dies loses at most the last second's counts.
 */
export class DeprecatedCallCounter {
  readonly #pending = new Map<string, DeprecatedCallTally>();
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly server: string,
    private readonly store: Pick<ActionStore, "recordDeprecatedCalls">,
    private readonly logger: Logger,
  ) {}

  count(tool: string, subject: string, sunset: string): void {
    const at = new Date().toISOString();
    const minute = startOfMinute(at);
    const key = `${tool}\u0000${subject}\u0000${minute}`;
    const tally = this.#pending.get(key);
    if (tally) Object.assign(tally, { calls: tally.calls + 1, lastAt: at, sunset });
    else this.#pending.set(key, { server: this.server, tool, subject, sunset, minute, calls: 1, lastAt: at });
    this.#timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS).unref();
  }

  /** Writes what was counted (also when the server stops), after any write still under way. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const tallies = [...this.#pending.values()];
    this.#pending.clear();
    if (tallies.length > 0) {
      this.#writing = this.#writing
        .then(() => this.store.recordDeprecatedCalls(tallies))
        .catch((error: unknown) => this.logger.error({ err: error, tallies }, "deprecated calls could not be stored"));
    }
    return this.#writing;
  }
}
