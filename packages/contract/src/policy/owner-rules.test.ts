import { describe, expect, it } from "vitest";
import { contract, policyContext } from "../test-fixtures/contracts.js";
import { ownerInCodeownersRule, ownerPatternRule, securityReviewRule } from "./owner-rules.js";
import { DEFAULT_POLICY } from "./policy-config.js";

const withSecurity = { ...DEFAULT_POLICY, policy: { ...DEFAULT_POLICY.policy, securityReviewers: "team-security" } };
const codeowners = "/apps/runbooks/ @team-sre\n/apps/runbooks/mcp-contract.json @team-sre @team-security\n";
const check = (rule: typeof ownerPatternRule, owner: string, text: string | undefined) =>
  rule.check(policyContext(contract([], { owner }), { policy: withSecurity, codeowners: text }));

describe("owner.pattern", () => {
  it("passes an owner of the configured form and fails another", () => {
    expect(check(ownerPatternRule, "team-sre", codeowners)).toEqual([]);
    expect(check(ownerPatternRule, "SRE", codeowners)).toEqual([
      {
        message: 'runbooks: owner "SRE" is not of the form team-<kebab-case>, e.g. team-billing',
        fix: "set owner in apps/runbooks/src/server.ts to a team of that form (mcp-platform.config.json: generator.ownerPattern)",
      },
    ]);
  });
});

describe("owner.codeowners", () => {
  it("passes when CODEOWNERS gives the server's files to its owner", () => {
    expect(check(ownerInCodeownersRule, "team-sre", codeowners)).toEqual([]);
  });

  it("fails when CODEOWNERS gives them to someone else, or there is none", () => {
    expect(check(ownerInCodeownersRule, "team-ops", codeowners)[0]?.message).toBe(
      "runbooks: CODEOWNERS gives apps/runbooks/src/server.ts to @team-sre, not to @team-ops",
    );
    expect(check(ownerInCodeownersRule, "team-sre", undefined)[0]?.message).toBe(
      "runbooks: there is no CODEOWNERS to give apps/runbooks/src/server.ts to @team-sre",
    );
  });
});

describe("contract.security-review", () => {
  it("passes when the security reviewers co-own the contract", () => {
    expect(check(securityReviewRule, "team-sre", codeowners)).toEqual([]);
  });

  it("fails when CODEOWNERS lacks them on the contract", () => {
    expect(check(securityReviewRule, "team-sre", "/apps/runbooks/ @team-sre\n")).toEqual([
      {
        message: "runbooks: CODEOWNERS gives apps/runbooks/mcp-contract.json to @team-sre, not to @team-security",
        fix: "pnpm catalog (it writes the servers block of CODEOWNERS), then commit CODEOWNERS; a line after its block that matches apps/runbooks/mcp-contract.json takes precedence",
      },
    ]);
  });

  it("has nothing to check when no security reviewers are configured", () => {
    expect(securityReviewRule.check(policyContext(contract([]), { codeowners: "" }))).toEqual([]);
  });
});
