import type { Waiver } from "../contract.js";
import type { RuleId } from "./policy-config.js";
import { POLICY_RULES } from "./rules.js";
import type { PolicyContext, RuleFinding } from "./rule.js";
import { sortWaivers, WAIVER_REASON } from "./waivers.js";

/** `error` fails the check, `warn` is shown, `waived` is excused for its tool by a waiver in force. */
export type PolicyOutcome = "error" | "warn" | "waived";

export interface PolicyFinding extends RuleFinding {
  /** `waiver` for a waiver that is wrong, expired or excuses nothing. */
  rule: RuleId | "waiver";
  reason: string;
  outcome: PolicyOutcome;
  waiver?: Waiver;
}

/**
 * Every rule of the policy over one server, at the severity the config gives it, with the tools'
 * waivers applied. `now` judges waiver expiry (the check); without it (the catalog, which must not
 * change with the date) every well-formed waiver counts.
 */
export function evaluatePolicy(context: PolicyContext, now?: Date): PolicyFinding[] {
  const { active, problems } = sortWaivers(context, now);
  const unused = new Set(active);
  const findings: PolicyFinding[] = [];
  for (const rule of POLICY_RULES) {
    const severity = context.policy.policy.rules[rule.id];
    if (severity === "off") continue;
    for (const finding of rule.check(context)) {
      const waived = active.find(({ tool, waiver }) => tool === finding.tool && waiver.rule === rule.id);
      if (waived) unused.delete(waived);
      findings.push({ ...finding, rule: rule.id, reason: rule.reason, outcome: waived ? "waived" : severity, ...(waived ? { waiver: waived.waiver } : {}) });
    }
  }
  const waiverFinding = (outcome: PolicyOutcome, { tool, waiver }: { tool: string; waiver: Waiver }, message: string, fix: string): PolicyFinding => ({
    tool,
    message,
    fix,
    rule: "waiver",
    reason: WAIVER_REASON,
    outcome,
    waiver,
  });
  return [
    ...findings,
    ...problems.map((problem) => waiverFinding("error", problem, problem.message, problem.fix)),
    ...[...unused].map((entry) =>
      waiverFinding(
        "warn",
        entry,
        `${context.contract.name}/${entry.tool}: its waiver of ${entry.waiver.rule} excuses nothing`,
        "remove it: the tool meets the rule (or the fleet has turned the rule off)",
      ),
    ),
  ];
}
