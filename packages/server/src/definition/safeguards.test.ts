import { describe, expect, it } from "vitest";
import { safeguardsProblem } from "./safeguards.js";

const undo = () => "undone";
const plan = () => "will do";

describe("safeguardsProblem", () => {
  it("accepts a write tool with plan and undo, and a destructive one that says why it cannot be undone", () => {
    expect(safeguardsProblem({ access: "write", plan, undo })).toBeUndefined();
    expect(safeguardsProblem({ access: "destructive", plan, irreversible: "the upstream API deletes for good" })).toBeUndefined();
    expect(safeguardsProblem({ access: "read" })).toBeUndefined();
  });

  it("refuses safeguards on a read tool", () => {
    expect(safeguardsProblem({ access: "read", plan })).toMatch(/is read-only/);
    expect(safeguardsProblem({ access: "read", irreversible: "x" })).toMatch(/is read-only/);
  });

  it("refuses an empty irreversible, and undo together with irreversible", () => {
    expect(safeguardsProblem({ access: "destructive", irreversible: " " })).toBe("has an empty irreversible: say why a call cannot be undone");
    expect(safeguardsProblem({ access: "write", undo, irreversible: "gone" })).toBe("declares both undo and irreversible: a call is one or the other");
  });
});
