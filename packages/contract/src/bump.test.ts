import { describe, expect, it } from "vitest";
import { bumpBetween, largestBump } from "./bump.js";

describe("bumps", () => {
  it.each([
    ["0.1.0", "0.1.1", "patch"],
    ["0.1.0", "0.2.0", "minor"],
    ["0.1.0", "1.0.0", "major"],
    ["1.0.0", "2.0.0-next.0", "major"],
    ["1.0.0", "1.0.0", "none"],
    ["1.1.0", "1.0.0", "none"],
  ])("%s -> %s is %s", (from, to, bump) => {
    expect(bumpBetween(from, to)).toBe(bump);
  });

  it("takes the largest", () => {
    expect(largestBump(["patch", "major", "minor"])).toBe("major");
    expect(largestBump([])).toBe("none");
  });
});
