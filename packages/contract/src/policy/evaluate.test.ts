import { describe, expect, it } from "vitest";
import type { ToolContract } from "../contract.js";
import { contract, policyContext, tool } from "../test-fixtures/contracts.js";
import { evaluatePolicy } from "./evaluate.js";
import { DEFAULT_POLICY, type Severity } from "./policy-config.js";

const CODEOWNERS = "/apps/runbooks/ @team-sre\n";
const unbounded = tool();
const waiver = { rule: "inputs.unbounded", reason: "slugs come from our own index", expires: "2026-06-30" };
const withRule = (severity: Severity) => ({
  ...DEFAULT_POLICY,
  policy: { ...DEFAULT_POLICY.policy, rules: { ...DEFAULT_POLICY.policy.rules, "inputs.unbounded": severity } },
});

function evaluate(tools: ToolContract[], now?: Date, severity: Severity = "error") {
  const context = policyContext(contract(tools), { codeowners: CODEOWNERS, policy: withRule(severity) });
  return evaluatePolicy(context, now).map(({ rule, outcome, message }) => ({ rule, outcome, message }));
}

describe("evaluatePolicy", () => {
  it("gives each finding its rule's severity from the config, and the rule's reason", () => {
    expect(evaluate([unbounded], undefined, "error")).toEqual([
      { rule: "inputs.unbounded", outcome: "error", message: "runbooks/get_runbook input.slug: a string of any length (no maxLength)" },
    ]);
    expect(evaluate([unbounded], undefined, "warn")[0]?.outcome).toBe("warn");
    expect(evaluate([unbounded], undefined, "off")).toEqual([]);
    const [finding] = evaluatePolicy(policyContext(contract([unbounded]), { codeowners: CODEOWNERS }));
    expect(finding?.reason).toMatch(/^a caller can send megabytes/);
  });

  it("excuses the waived tool until its waiver expires, and fails the check from the day after", () => {
    const waived = tool({ waivers: [waiver] });
    expect(evaluate([waived], new Date("2026-06-30T23:59:00Z"))).toEqual([
      { rule: "inputs.unbounded", outcome: "waived", message: "runbooks/get_runbook input.slug: a string of any length (no maxLength)" },
    ]);
    expect(evaluate([waived], new Date("2026-07-01T00:00:00Z"))).toEqual([
      { rule: "inputs.unbounded", outcome: "error", message: "runbooks/get_runbook input.slug: a string of any length (no maxLength)" },
      { rule: "waiver", outcome: "error", message: "runbooks/get_runbook: its waiver of inputs.unbounded expired on 2026-06-30" },
    ]);
  });

  it("waives one tool only", () => {
    const other = tool({ name: "find_runbook" });
    const outcomes = evaluate([tool({ waivers: [waiver] }), other], new Date("2026-06-01"));
    expect(outcomes.map(({ outcome, message }) => [outcome, message.split(" ")[0]])).toEqual([
      ["waived", "runbooks/get_runbook"],
      ["error", "runbooks/find_runbook"],
    ]);
  });

  it("refuses waivers of unknown rules, of rules about the server, without a reason, or too far ahead", () => {
    const waivers = [
      { rule: "inputs.unbound", reason: "typo", expires: "2026-06-30" },
      { rule: "owner.pattern", reason: "legacy name", expires: "2026-06-30" },
      { ...waiver, reason: " " },
      { ...waiver, expires: "2027-06-30" },
    ];
    const messages = evaluate([tool({ waivers })], new Date("2026-06-01")).filter((f) => f.rule === "waiver");
    expect(messages.map((finding) => [finding.outcome, finding.message.replace("runbooks/get_runbook: ", "")])).toEqual([
      ["error", 'waives "inputs.unbound", which is not a rule of the policy'],
      ["error", "waives owner.pattern, a rule about the whole server, which no tool can be excused from"],
      ["error", "its waiver of inputs.unbounded gives no reason"],
      ["error", "its waiver of inputs.unbounded expires 2027-06-30, more than 180 days ahead (policy.maximumWaiverDays)"],
    ]);
  });

  it("warns about a waiver that excuses nothing", () => {
    const bounded = tool({ inputSchema: { type: "object", properties: {} }, waivers: [waiver] });
    expect(evaluate([bounded], new Date("2026-06-01"))).toEqual([
      { rule: "waiver", outcome: "warn", message: "runbooks/get_runbook: its waiver of inputs.unbounded excuses nothing" },
    ]);
  });

  it("without a date (the catalog) counts every well-formed waiver, expired or not", () => {
    expect(evaluate([tool({ waivers: [{ ...waiver, expires: "2000-01-01" }] })])[0]?.outcome).toBe("waived");
  });
});
