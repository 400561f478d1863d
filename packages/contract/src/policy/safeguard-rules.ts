import { ACCESS_RULES } from "@mcp-platform/server/definition";
import type { PolicyRule } from "./rule.js";

export const planRule: PolicyRule = {
  id: "tools.plan",
  subject: "tool",
  reason: "the person who approves a write or destructive call reads its plan; without one they approve arguments, not an effect",
  check: ({ contract }) =>
    contract.tools
      .filter((tool) => ACCESS_RULES[tool.access].approval && !tool.plan)
      .map((tool) => ({
        tool: tool.name,
        message: `${contract.name}/${tool.name}: a ${tool.access} tool without a plan`,
        fix: "add plan: (input) => `<what this call will change>` to its defineTool",
      })),
};

export const undoRule: PolicyRule = {
  id: "tools.undo",
  subject: "tool",
  reason: "an operator reverts a wrong destructive call with undo; a call that cannot be reverted needs the reason on record",
  check: ({ contract }) =>
    contract.tools
      .filter((tool) => tool.access === "destructive" && !tool.undo && !tool.irreversible)
      .map((tool) => ({
        tool: tool.name,
        message: `${contract.name}/${tool.name}: a destructive tool with neither undo nor irreversible`,
        fix: 'add undo (and ctx.recordUndo in the handler), or irreversible: "<why a call cannot be undone>"',
      })),
};
