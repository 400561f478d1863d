import { afterEach, describe, expect, it, vi } from "vitest";
import { waitUntil } from "./wait-until.js";

describe("waitUntil", () => {
  afterEach(() => void vi.useRealTimers());

  it("resolves with the first value the check finds, falsy ones included", async () => {
    let calls = 0;
    await expect(waitUntil(() => (++calls < 3 ? undefined : 0), { timeoutMs: 1_000, intervalMs: 1, timedOut: () => new Error("late") })).resolves.toBe(0);
    expect(calls).toBe(3);
  });

  it("throws the caller's error once the time is up", async () => {
    await expect(waitUntil(() => undefined, { timeoutMs: 30, intervalMs: 5, timedOut: () => new Error("no span arrived") })).rejects.toThrow("no span arrived");
  });

  it("keeps waiting when the wall clock jumps forward: the time it gives is real time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let calls = 0;
    const found = waitUntil(
      () => {
        vi.setSystemTime(Date.now() + 60_000);
        return ++calls < 5 ? undefined : "arrived";
      },
      { timeoutMs: 5_000, intervalMs: 1, timedOut: () => new Error("gave up early") },
    );
    await expect(found).resolves.toBe("arrived");
  });
});
