/** Decides whether a principal's request may go ahead: `0`, or the seconds to wait before it will. */
export interface RequestLimiter {
  take(key: string): number | Promise<number>;
  close(): Promise<void>;
}

/**
 * A token bucket per principal: `perMinute` requests sustained, the same as burst. Buckets idle for
 * a minute are dropped, so memory follows the number of active callers. Time is the monotonic clock:
 * a step of the wall clock must neither refill nor drain a bucket.
 */
export class RateLimiter implements RequestLimiter {
  readonly #buckets = new Map<string, { tokens: number; updated: number }>();
  readonly #perMinute: number;
  #lastSweep = performance.now();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  /** `0` when the request may go ahead, else the seconds to wait before the next one will. */
  take(key: string, now = performance.now()): number {
    const wait = this.waitFor(key, now);
    if (wait === 0 && this.#perMinute > 0) this.#buckets.get(key)!.tokens -= 1;
    return wait;
  }

  /** What `take` would answer, without taking anything. */
  waitFor(key: string, now = performance.now()): number {
    if (this.#perMinute === 0) return 0;
    this.#sweep(now);
    const refillPerMs = this.#perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#perMinute, updated: now };
    bucket.tokens = Math.min(this.#perMinute, bucket.tokens + (now - bucket.updated) * refillPerMs);
    bucket.updated = now;
    this.#buckets.set(key, bucket);
    return bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, bucket] of this.#buckets) if (now - bucket.updated > 60_000) this.#buckets.delete(key);
  }
}
