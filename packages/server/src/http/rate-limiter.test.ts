import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  afterEach(() => void vi.useRealTimers());

  it("lets a burst of its budget through, then says how long to wait, and refills over the minute", () => {
    const limiter = new RateLimiter(6);
    const waits = Array.from({ length: 7 }, () => limiter.take("alice", 0));
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 10]);
    expect(limiter.take("bob", 0)).toBe(0);
    expect(limiter.take("alice", 9_000)).toBe(1);
    expect(limiter.take("alice", 10_000)).toBe(0);
  });

  it("is not refilled by a step of the wall clock (NTP, a virtual machine resumed)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const limiter = new RateLimiter(1);
    expect(limiter.take("alice")).toBe(0);
    vi.setSystemTime(Date.now() + 3_600_000);
    expect(limiter.take("alice")).toBeGreaterThan(0);
  });
});
