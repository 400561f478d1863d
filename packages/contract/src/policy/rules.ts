import { deprecationRule } from "./deprecation-rules.js";
import { ownerInCodeownersRule, ownerPatternRule, securityReviewRule } from "./owner-rules.js";
import type { RuleId } from "./policy-config.js";
import type { PolicyRule } from "./rule.js";
import { planRule, undoRule } from "./safeguard-rules.js";
import { unboundedInputsRule } from "./unbounded-inputs.js";

/** The fleet's policy: every rule the config can set a severity for, each implemented once. */
const RULES = {
  "tools.plan": planRule,
  "tools.undo": undoRule,
  "inputs.unbounded": unboundedInputsRule,
  "owner.pattern": ownerPatternRule,
  "owner.codeowners": ownerInCodeownersRule,
  "contract.security-review": securityReviewRule,
  "deprecation.timeline": deprecationRule,
} satisfies Record<RuleId, PolicyRule>;

export const POLICY_RULES: readonly PolicyRule[] = Object.values(RULES);

export function findRule(id: string): PolicyRule | undefined {
  return POLICY_RULES.find((rule) => rule.id === id);
}
