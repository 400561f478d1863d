import { describe, expect, it } from "vitest";
import { planChanges } from "./plan-changes.js";

const labels = { base: "template old", next: "template new" };
const lines = (...values: string[]) => `${values.join("\n")}\n`;

describe("planChanges", () => {
  it("updates untouched files, merges edited ones, adds and removes what the template did", async () => {
    const base = new Map([
      ["README.md", lines("# Billing", "", "Run it.", "", "Deploy it.")],
      ["untouched.ts", lines("a")],
      ["dropped.yaml", lines("old: 1")],
      ["same.ts", lines("same")],
    ]);
    const next = new Map([
      ["README.md", lines("# Billing", "", "Run it with pnpm dev.", "", "Deploy it.")],
      ["untouched.ts", lines("b")],
      ["dashboard.json", lines("{}")],
      ["same.ts", lines("same")],
    ]);
    const ours = new Map([
      ["README.md", lines("# Billing", "", "Run it.", "", "Deploy it.", "", "## Team notes")],
      ["untouched.ts", lines("a")],
      ["dropped.yaml", lines("old: 1")],
      ["same.ts", lines("same", "// ours")],
    ]);
    const changes = await planChanges({ base, next, labels }, (path) => ours.get(path));
    expect(changes).toEqual([
      { path: "README.md", kind: "merge", text: lines("# Billing", "", "Run it with pnpm dev.", "", "Deploy it.", "", "## Team notes") },
      { path: "dashboard.json", kind: "add", text: lines("{}") },
      { path: "dropped.yaml", kind: "remove" },
      { path: "untouched.ts", kind: "update", text: lines("b") },
    ]);
  });

  it("leaves conflict markers where both changed the same lines", async () => {
    const base = new Map([["README.md", lines("title", "Run it.", "end")]]);
    const next = new Map([["README.md", lines("title", "Run it with pnpm dev.", "end")]]);
    const [change] = await planChanges({ base, next, labels }, () => lines("title", "Run it our way.", "end"));
    expect(change).toEqual({
      path: "README.md",
      kind: "conflict",
      text: lines(
        "title",
        "<<<<<<< yours",
        "Run it our way.",
        "||||||| template old",
        "Run it.",
        "=======",
        "Run it with pnpm dev.",
        ">>>>>>> template new",
        "end",
      ),
    });
  });

  it("keeps what the team changed or removed when the template dropped or changed it", async () => {
    const base = new Map([
      ["dropped.yaml", lines("old: 1")],
      ["gone.ts", lines("a")],
    ]);
    const next = new Map([["gone.ts", lines("b")]]);
    const ours = new Map([["dropped.yaml", lines("old: 2")]]);
    expect(await planChanges({ base, next, labels }, (path) => ours.get(path))).toEqual([
      { path: "dropped.yaml", kind: "keep", note: "the template no longer has it; yours is changed, so it stays" },
      { path: "gone.ts", kind: "keep", note: "you removed it; the template changed it" },
    ]);
  });

  it("does nothing when the team already made the template's change", async () => {
    const base = new Map([["a.ts", lines("one", "two")]]);
    const next = new Map([["a.ts", lines("one", "TWO")]]);
    expect(await planChanges({ base, next, labels }, () => lines("one", "TWO"))).toEqual([]);
    expect(await planChanges({ base, next, labels }, () => lines("zero", "one", "TWO"))).toEqual([]);
  });
});
