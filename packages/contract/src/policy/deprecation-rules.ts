import type { ToolContract } from "../contract.js";
import { addDays, formatDate, parseDate } from "./dates.js";
import type { DeprecationPolicy } from "./policy-config.js";
import type { PolicyRule, RuleFinding } from "./rule.js";

type Deprecation = NonNullable<ToolContract["deprecated"]>;

/** Every deprecation in the contract checked against the policy: dates, window, replacement. */
export const deprecationRule: PolicyRule = {
  id: "deprecation.timeline",
  subject: "tool",
  reason: "callers need a tool to move to and time to move before a deprecated tool stops working",
  check: ({ contract, policy }) => {
    const tools = new Map(contract.tools.map((tool) => [tool.name, tool]));
    return contract.tools.flatMap((tool) => {
      if (!tool.deprecated) return [];
      const problem = (message: string, fix: string): RuleFinding => ({ tool: tool.name, message: `${contract.name}/${tool.name}: ${message}`, fix });
      return [
        ...checkWindow(tool.deprecated, policy.deprecation, problem),
        ...checkReplacement(tool.name, tool.deprecated, tools, policy.deprecation, problem),
      ];
    });
  },
};

type MakeProblem = (message: string, fix: string) => RuleFinding;

function checkWindow(deprecation: Deprecation, policy: DeprecationPolicy, problem: MakeProblem): RuleFinding[] {
  const since = parseDate(deprecation.since);
  const sunset = parseDate(deprecation.sunset);
  const invalid = [since ? undefined : `since "${deprecation.since}"`, sunset ? undefined : `sunset "${deprecation.sunset}"`].filter(Boolean);
  if (!since || !sunset) return [problem(`${invalid.join(" and ")} must be a date (YYYY-MM-DD)`, "write the dates as YYYY-MM-DD")];
  const earliest = addDays(since, policy.minimumWindowDays);
  if (sunset >= earliest) return [];
  return [
    problem(
      `sunset ${deprecation.sunset} is less than ${policy.minimumWindowDays} days after since ${deprecation.since} (the policy's minimum window)`,
      `set sunset to ${formatDate(earliest)} or later`,
    ),
  ];
}

function checkReplacement(
  name: string,
  deprecation: Deprecation,
  tools: Map<string, ToolContract>,
  policy: DeprecationPolicy,
  problem: MakeProblem,
): RuleFinding[] {
  if (!policy.replacementRequired) return [];
  const replacement = tools.get(deprecation.replacement);
  if (!replacement || replacement.name === name) {
    return [
      problem(
        `its replacement "${deprecation.replacement}" is not another tool of this server`,
        "name an existing tool of this server as `replacement` (add the new tool first)",
      ),
    ];
  }
  if (replacement.deprecated) {
    return [
      problem(
        `its replacement ${replacement.name} is deprecated too`,
        `point \`replacement\` at ${replacement.deprecated.replacement}, the tool that replaces ${replacement.name}`,
      ),
    ];
  }
  return [];
}
