import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Deprecation } from "../definition/define.js";
import { isPastSunset } from "../definition/deprecation.js";
import { watchSunsets } from "./sunset-clock.js";

const deprecation = (sunset: string): Deprecation => ({ since: "2030-01-01", sunset, replacement: "new_tool", reason: "Renamed." });

describe("watchSunsets", () => {
  beforeEach(() => void vi.useFakeTimers({ now: new Date("2030-04-01T23:59:00Z") }));
  afterEach(() => void vi.useRealTimers());

  it("fires once per sunset date, as isPastSunset turns true, weeks apart and beyond setTimeout's longest delay", async () => {
    const soon = deprecation("2030-04-01");
    const later = deprecation("2030-07-15");
    const fired: boolean[][] = [];
    const stop = watchSunsets([soon, later, deprecation("2030-04-01"), deprecation("2020-01-01")], () => fired.push([isPastSunset(soon), isPastSunset(later)]));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([[true, false]]);
    await vi.advanceTimersByTimeAsync(Date.parse("2030-07-16T00:00:00Z") - Date.now() - 1);
    expect(fired).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([
      [true, false],
      [true, true],
    ]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops before a sunset when told to", async () => {
    const fired: number[] = [];
    watchSunsets([deprecation("2030-04-01")], () => fired.push(Date.now()))();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fired).toEqual([]);
  });
});
