import { describe, expect, it } from "vitest";
import type { ToolContract } from "../contract.js";
import { contract, policyContext, tool } from "../test-fixtures/contracts.js";
import type { PolicyRule } from "./rule.js";
import { planRule, undoRule } from "./safeguard-rules.js";

const check = (rule: PolicyRule, ...tools: ToolContract[]) => rule.check(policyContext(contract(tools)));

describe("tools.plan", () => {
  it("fails a write or destructive tool without a plan", () => {
    expect(check(planRule, tool({ name: "restart", access: "write", plan: false, undo: true }))).toEqual([
      {
        tool: "restart",
        message: "runbooks/restart: a write tool without a plan",
        fix: "add plan: (input) => `<what this call will change>` to its defineTool",
      },
    ]);
    expect(check(planRule, tool({ name: "drop", access: "destructive", irreversible: "gone" }))[0]?.message).toBe(
      "runbooks/drop: a destructive tool without a plan",
    );
  });

  it("passes tools with a plan, and read tools", () => {
    expect(check(planRule, tool(), tool({ name: "restart", access: "write", plan: true, undo: false }))).toEqual([]);
  });
});

describe("tools.undo", () => {
  it("fails a destructive tool that neither undoes nor says why it cannot", () => {
    expect(check(undoRule, tool({ name: "drop", access: "destructive", plan: true, undo: false }))).toEqual([
      {
        tool: "drop",
        message: "runbooks/drop: a destructive tool with neither undo nor irreversible",
        fix: 'add undo (and ctx.recordUndo in the handler), or irreversible: "<why a call cannot be undone>"',
      },
    ]);
  });

  it("passes a destructive tool with undo or a reason it is irreversible, and write tools without undo", () => {
    const tools = [
      tool({ name: "drop", access: "destructive", plan: true, undo: true }),
      tool({ name: "shred", access: "destructive", plan: true, undo: false, irreversible: "the disk is overwritten" }),
      tool({ name: "restart", access: "write", plan: true, undo: false }),
    ];
    expect(check(undoRule, ...tools)).toEqual([]);
  });
});
