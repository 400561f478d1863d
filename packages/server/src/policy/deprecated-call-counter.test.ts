import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DeprecatedCallTally } from "../store/deprecated-call-tally.js";
import { DeprecatedCallCounter } from "./deprecated-call-counter.js";

function counter() {
  const writes: DeprecatedCallTally[][] = [];
  const store = { recordDeprecatedCalls: (tallies: readonly DeprecatedCallTally[]) => Promise.resolve(void writes.push([...tallies])) };
  return { writes, counter: new DeprecatedCallCounter("ledger", store, pino({ level: "silent" })) };
}

afterEach(() => void vi.useRealTimers());

describe("DeprecatedCallCounter", () => {
  it("writes nothing while a call is made, then each caller's calls of the minute in one write", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    vi.setSystemTime(Date.parse("2026-05-01T10:00:10.000Z"));
    const { writes, counter: calls } = counter();
    calls.count("get_flag", "alice", "2099-01-01");
    calls.count("get_flag", "alice", "2099-01-01");
    vi.setSystemTime(Date.parse("2026-05-01T10:00:20.000Z"));
    calls.count("get_flag", "bob", "2099-01-01");
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    const minute = "2026-05-01T10:00:00.000Z";
    expect(writes).toEqual([
      [
        { server: "ledger", tool: "get_flag", subject: "alice", sunset: "2099-01-01", minute, calls: 2, lastAt: "2026-05-01T10:00:10.000Z" },
        { server: "ledger", tool: "get_flag", subject: "bob", sunset: "2099-01-01", minute, calls: 1, lastAt: "2026-05-01T10:00:20.000Z" },
      ],
    ]);
  });

  it("keeps a new minute apart, and writes what is left when flushed at shutdown", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-05-01T10:00:59.000Z"));
    const { writes, counter: calls } = counter();
    calls.count("get_flag", "alice", "2099-01-01");
    vi.setSystemTime(Date.parse("2026-05-01T10:01:00.000Z"));
    calls.count("get_flag", "alice", "2099-01-01");
    await calls.flush();
    expect(writes.flat().map(({ minute, calls: n }) => [minute, n])).toEqual([
      ["2026-05-01T10:00:00.000Z", 1],
      ["2026-05-01T10:01:00.000Z", 1],
    ]);
    await calls.flush();
    expect(writes).toHaveLength(1);
  });
});
