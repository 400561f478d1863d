import type { Waiver } from "../contract.js";
import { addDays, formatDate, parseDate, today } from "./dates.js";
import { findRule, POLICY_RULES } from "./rules.js";
import type { PolicyContext } from "./rule.js";

export const WAIVER_REASON = "a waiver excuses one tool from one rule, for a stated reason, until it expires; then the rule applies again";

export interface ToolWaiver {
  tool: string;
  waiver: Waiver;
}

export interface WaiverProblem extends ToolWaiver {
  message: string;
  fix: string;
}

/**
 * The contract's waivers split into those in force and those that are not (with why). `now` judges
 * expiry; without it every well-formed waiver is in force.
 */
export function sortWaivers({ contract, policy }: PolicyContext, now?: Date): { active: ToolWaiver[]; problems: WaiverProblem[] } {
  const active: ToolWaiver[] = [];
  const problems: WaiverProblem[] = [];
  for (const tool of contract.tools) {
    for (const waiver of tool.waivers ?? []) {
      const problem = waiverProblem(waiver, policy.policy.maximumWaiverDays, now);
      if (!problem) active.push({ tool: tool.name, waiver });
      else problems.push({ tool: tool.name, waiver, message: `${contract.name}/${tool.name}: ${problem.message}`, fix: problem.fix });
    }
  }
  return { active, problems };
}

function waiverProblem(waiver: Waiver, maximumDays: number, now: Date | undefined): { message: string; fix: string } | undefined {
  const rule = findRule(waiver.rule);
  const its = `its waiver of ${waiver.rule}`;
  if (!rule) return { message: `waives "${waiver.rule}", which is not a rule of the policy`, fix: `name one of ${POLICY_RULES.map((r) => r.id).join(", ")}` };
  if (rule.subject === "server") {
    return {
      message: `waives ${rule.id}, a rule about the whole server, which no tool can be excused from`,
      fix: "meet the rule, or change its severity for the fleet in mcp-platform.config.json",
    };
  }
  if (!waiver.reason.trim()) return { message: `${its} gives no reason`, fix: "say why the tool may break the rule, for its reviewers" };
  const expires = parseDate(waiver.expires);
  if (!expires) return { message: `${its} expires "${waiver.expires}", which is not a date (YYYY-MM-DD)`, fix: "write the date as YYYY-MM-DD" };
  if (!now) return undefined;
  if (today(now) > expires) {
    return { message: `${its} expired on ${waiver.expires}`, fix: `meet the rule (${rule.reason}), or renew the waiver in review with a new expiry` };
  }
  const latest = addDays(today(now), maximumDays);
  if (expires > latest) {
    return {
      message: `${its} expires ${waiver.expires}, more than ${maximumDays} days ahead (policy.maximumWaiverDays)`,
      fix: `set expires to ${formatDate(latest)} or earlier, and renew it then if it is still needed`,
    };
  }
  return undefined;
}
