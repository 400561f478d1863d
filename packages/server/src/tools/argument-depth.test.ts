import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./argument-depth.js";

const nested = (levels: number) => {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe("argument nesting depth", () => {
  it("counts objects and arrays alike, and scalars not at all", () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan("text", 0)).toBe(false);
    expect(nestsDeeperThan({ wide: Array.from({ length: 10_000 }, (_, i) => i) }, 2)).toBe(false);
  });

  it("walks a million levels without overflowing the stack", () => {
    expect(nestsDeeperThan(nested(1_000_000), 64)).toBe(true);
  });
});
