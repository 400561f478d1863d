/** Counts work in progress so that shutdown can wait for it, with a deadline. */
export class InFlight {
  #count = 0;
  #waiters: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  /**
   * Counts `work` until it settles. Work that turns into a stream meant to stay open (a listen
   * subscription) calls `detach`: from then on it no longer holds up a shutdown.
   */
  async track<T>(work: (detach: () => void) => Promise<T>): Promise<T> {
    this.#count++;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      if (--this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
    };
    try {
      return await work(release);
    } finally {
      release();
    }
  }

  /** Resolves `true` when nothing is in flight, `false` if the deadline passed first. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
