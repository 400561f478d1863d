import { describe, expect, it } from "vitest";
import { contract, deprecation, policyContext, tool } from "../test-fixtures/contracts.js";
import { deprecationRule } from "./deprecation-rules.js";
import { DEFAULT_POLICY } from "./policy-config.js";

const policy = DEFAULT_POLICY.deprecation;
const replacement = tool({ name: "read_runbook" });

function check(deprecated: typeof deprecation, tools = [replacement], options = policy) {
  const context = policyContext(contract([tool({ deprecated }), ...tools]), { policy: { ...DEFAULT_POLICY, deprecation: options } });
  return deprecationRule.check(context).map(({ message, fix }) => ({ message, fix }));
}

describe("deprecation.timeline", () => {
  it("accepts a deprecation with the minimum window and a current replacement", () => {
    expect(check(deprecation)).toEqual([]);
  });

  it("requires sunset at least the window after since", () => {
    expect(check({ ...deprecation, sunset: "2026-03-31" })).toEqual([
      {
        message: "runbooks/get_runbook: sunset 2026-03-31 is less than 90 days after since 2026-01-01 (the policy's minimum window)",
        fix: "set sunset to 2026-04-01 or later",
      },
    ]);
  });

  it("takes the window from the policy", () => {
    expect(check({ ...deprecation, sunset: "2026-01-31" }, [replacement], { ...policy, minimumWindowDays: 30 })).toEqual([]);
  });

  it("requires real dates", () => {
    expect(check({ ...deprecation, since: "2026-02-30" })[0]?.message).toBe('runbooks/get_runbook: since "2026-02-30" must be a date (YYYY-MM-DD)');
  });

  it("requires the replacement to be another tool of the server", () => {
    expect(check(deprecation, [])[0]?.message).toBe('runbooks/get_runbook: its replacement "read_runbook" is not another tool of this server');
    expect(check({ ...deprecation, replacement: "get_runbook" })[0]?.message).toContain("is not another tool");
  });

  it("requires the replacement not to be deprecated itself", () => {
    const deprecatedReplacement = tool({ name: "read_runbook", deprecated: { ...deprecation, replacement: "fetch_runbook" } });
    expect(check(deprecation, [deprecatedReplacement, tool({ name: "fetch_runbook" })])).toEqual([
      {
        message: "runbooks/get_runbook: its replacement read_runbook is deprecated too",
        fix: "point `replacement` at fetch_runbook, the tool that replaces read_runbook",
      },
    ]);
  });

  it("lets the policy waive the replacement", () => {
    expect(check(deprecation, [], { ...policy, replacementRequired: false })).toEqual([]);
  });
});
