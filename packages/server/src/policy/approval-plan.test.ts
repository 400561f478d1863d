import { describe, expect, it } from "vitest";
import { approvalPlan } from "./approval-plan.js";

describe("approvalPlan", () => {
  it("tells the approver a call cannot be undone, and why", () => {
    expect(approvalPlan({ irreversible: "the archive deletes for good" }, "Purge 12 closed tickets.")).toBe(
      "Purge 12 closed tickets.\n\nThis cannot be undone: the archive deletes for good",
    );
  });

  it("tells the approver a call can be undone, and how", () => {
    expect(approvalPlan({ undo: () => "restored" }, "Close ticket T-1.")).toBe("Close ticket T-1.\n\nIt can be undone afterwards (undo_action).");
  });

  it("adds nothing when the tool says neither", () => {
    expect(approvalPlan({}, "Post a note.")).toBe("Post a note.");
  });
});
