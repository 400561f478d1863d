import type { Contract } from "../contract.js";
import type { PolicyFinding, PolicyOutcome } from "../policy/evaluate.js";

/** A server's standing against the fleet's policy, for the catalog and the fleet page. */
export interface CatalogPolicy {
  /** `fail`: a rule set to error finds something; `warn`: only warnings; `pass`: nothing, or only what waivers excuse. */
  status: "pass" | "warn" | "fail";
  findings: { rule: string; tool?: string; outcome: PolicyOutcome; message: string }[];
  /** Every waiver the server's tools declare; the page marks those past `expires`. */
  waivers: { tool: string; rule: string; reason: string; expires: string }[];
}

/** The policy's findings for `contract` (evaluated without a date, so the catalog does not change with it). */
export function catalogPolicy(contract: Contract, findings: PolicyFinding[]): CatalogPolicy {
  const outcomes = new Set(findings.map((finding) => finding.outcome));
  return {
    status: outcomes.has("error") ? "fail" : outcomes.has("warn") ? "warn" : "pass",
    findings: findings.map(({ rule, tool, outcome, message }) => ({ rule, ...(tool === undefined ? {} : { tool }), outcome, message })),
    waivers: contract.tools.flatMap((tool) => (tool.waivers ?? []).map(({ rule, reason, expires }) => ({ tool: tool.name, rule, reason, expires }))),
  };
}
