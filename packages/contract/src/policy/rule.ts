import type { Contract } from "../contract.js";
import type { Policy, RuleId } from "./policy-config.js";

/** What a rule reads: one server's contract, where it lives, the policy and the CODEOWNERS file. */
export interface PolicyContext {
  contract: Contract;
  /** `apps/runbooks`, with forward slashes. */
  serverPath: string;
  policy: Policy;
  /** The workspace root's CODEOWNERS; `undefined` when there is none. */
  codeowners: string | undefined;
}

/** One breach of a rule; `tool` names the tool it is about (a waiver can excuse only those). */
export interface RuleFinding {
  tool?: string;
  message: string;
  fix: string;
}

export interface PolicyRule {
  id: RuleId;
  /** Rules about a tool can be waived for that tool; rules about the server cannot. */
  subject: "tool" | "server";
  /** Why the fleet has this rule, in words a team reads in CI output. */
  reason: string;
  check(context: PolicyContext): RuleFinding[];
}
