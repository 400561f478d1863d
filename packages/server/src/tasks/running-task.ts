import { setTimeout as sleep } from "node:timers/promises";
import type { TaskError, TaskRecord, TaskStore } from "../store/task-store.js";
import { TERMINAL_STATUSES } from "../store/task-store.js";

/** How often a runner says it is alive, and learns whether its task was cancelled on another replica. */
export const HEARTBEAT_MS = 2_000;
/** How often a question waits for its answer in the store (an answer on this replica wakes it at once). */
const ANSWER_POLL_MS = 150;

/**
 * One task being worked on in this process: its record in the store, its cancellation signal,
 * and the questions it waits on. Everything about it is in the store, so another replica can read
 * it, answer it or cancel it; this object only does the work.
 */
export class RunningTask {
  readonly #abort = new AbortController();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #wake = new Set<() => void>();
  #asking: Record<string, unknown> | undefined;

  constructor(
    readonly record: TaskRecord,
    private readonly store: TaskStore,
  ) {
    this.#heartbeat = setInterval(() => void this.#beat(), HEARTBEAT_MS).unref();
  }

  get id(): string {
    return this.record.id;
  }

  /** Aborted when the client cancels the task, on any replica. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /**
   * Waits for the client's answer to one question (keys are unique for the task's whole life).
   * Questions asked together are put in the store together, so the client sees them in one poll.
   */
  async ask(key: string, request: unknown): Promise<unknown> {
    if (!this.#asking) {
      this.#asking = {};
      queueMicrotask(() => {
        const asking = this.#asking!;
        this.#asking = undefined;
        void this.store.askTask(this.id, asking);
      });
    }
    this.#asking[key] = request;
    for (;;) {
      this.signal.throwIfAborted();
      const task = await this.store.getTask(this.id);
      if (!task || TERMINAL_STATUSES.includes(task.status)) {
        this.cancel();
        this.signal.throwIfAborted();
      }
      if (task && key in task.inputResponses) return task.inputResponses[key];
      await new Promise<void>((resolve) => {
        const wake = () => resolve();
        this.#wake.add(wake);
        void sleep(ANSWER_POLL_MS, undefined, { signal: this.signal })
          .catch(() => undefined)
          .finally(() => {
            this.#wake.delete(wake);
            resolve();
          });
      });
    }
  }

  /** The client answered on this replica: look now rather than at the next poll. */
  answered(): void {
    for (const wake of this.#wake) wake();
  }

  cancel(): void {
    this.#abort.abort(new Error("The task was cancelled"));
  }

  async complete(result: unknown): Promise<void> {
    await this.#end({ status: "completed", result });
  }

  async fail(error: TaskError): Promise<void> {
    await this.#end({ status: "failed", error, statusMessage: error.message });
  }

  async #end(changes: Parameters<TaskStore["updateTask"]>[1]): Promise<void> {
    clearInterval(this.#heartbeat);
    // A task cancelled meanwhile stays cancelled: the update only applies to a task still running.
    await this.store.updateTask(this.id, changes);
  }

  async #beat(): Promise<void> {
    const status = await this.store.heartbeatTask(this.id, Date.now()).catch(() => undefined);
    if (status && TERMINAL_STATUSES.includes(status)) this.cancel();
  }
}
