import { setTimeout as sleep } from "node:timers/promises";
import type { ActionStore } from "../store/action-store.js";

/** How long a retry waits for the execution another call (or replica) claimed, before it says so. */
const OUTCOME_WAIT_MS = 5 * 60_000;
/** How long the store keeps an approval's outcome after the approval itself has expired. */
const OUTCOME_RETENTION_SECONDS = 86_400;

/**
 * Runs an approved call at most once, however many times it is retried: the first call to claim
 * the approval (in the shared store, so across replicas) runs it and saves the outcome; every other
 * retry gets that outcome, waiting for it if the execution is still under way. A client that lost
 * the response stream and re-issued the request (which 2026-07-28 says it MUST) gets the answer of
 * the first execution, never a second execution and never a refusal.
 */
export class SingleExecution<T> {
  readonly #store: ActionStore;
  readonly #running = new Map<string, Promise<T>>();

  constructor(store: ActionStore) {
    this.#store = store;
  }

  async run(approvalId: string, approvalExpiresAt: number, execute: () => Promise<T>, signal: AbortSignal, stillRunning: () => T): Promise<T> {
    if (await this.#store.claimApproval(approvalId, approvalExpiresAt + OUTCOME_RETENTION_SECONDS)) {
      const execution = execute().then(async (outcome) => {
        await this.#store.saveApprovalOutcome(approvalId, outcome);
        return outcome;
      });
      this.#running.set(approvalId, execution);
      try {
        return await execution;
      } finally {
        this.#running.delete(approvalId);
      }
    }
    return this.#running.get(approvalId) ?? this.#awaitOutcome(approvalId, signal, stillRunning);
  }

  /** The execution runs on another replica (or ran before a restart): its outcome comes through the store. */
  async #awaitOutcome(approvalId: string, signal: AbortSignal, stillRunning: () => T): Promise<T> {
    const deadline = performance.now() + OUTCOME_WAIT_MS;
    for (let pause = 20; performance.now() < deadline && !signal.aborted; pause = Math.min(pause * 2, 500)) {
      const outcome = await this.#store.approvalOutcome(approvalId);
      if (outcome !== undefined) return outcome as T;
      const local = this.#running.get(approvalId);
      if (local) return local;
      await sleep(pause, undefined, { signal }).catch(() => undefined);
    }
    return stillRunning();
  }
}
