import { describe, expect, it } from "vitest";
import { contract, deprecation, tool } from "../test-fixtures/contracts.js";
import { DEFAULT_POLICY } from "./policy-config.js";
import { checkRemovals, type RemovalContext } from "./removal-rules.js";

const replacement = tool({ name: "read_runbook" });
const afterSunset = new Date("2026-04-02T09:00:00Z");

function check(overrides: Partial<RemovalContext> = {}) {
  return checkRemovals({
    packageName: "@mcp-platform/runbooks",
    base: contract([tool({ deprecated: deprecation }), replacement]),
    baseLabel: "@mcp-platform/runbooks@1.1.0 (last release)",
    current: contract([replacement]),
    releasedDeprecations: () => ["1.1.0"],
    policy: DEFAULT_POLICY.deprecation,
    now: afterSunset,
    ...overrides,
  }).map(({ message, fix }) => ({ message, fix }));
}

describe("checkRemovals", () => {
  it("allows removing a tool whose released deprecation has run its window", () => {
    expect(check()).toEqual([]);
  });

  it("refuses a removal the released contract did not announce", () => {
    const [problem] = check({ base: contract([tool(), replacement]), now: new Date("2026-05-01T00:00:00Z") });
    expect(problem?.message).toBe("runbooks/get_runbook was removed, but @mcp-platform/runbooks@1.1.0 (last release) does not deprecate it");
    expect(problem?.fix).toContain('restore get_runbook and deprecate it first: deprecated: { since: "2026-05-01", sunset: "2026-07-30"');
  });

  it("refuses a removal before the sunset has passed", () => {
    expect(check({ now: new Date("2026-04-01T23:59:00Z") })).toEqual([
      { message: "runbooks/get_runbook was removed, but its sunset 2026-04-01 has not passed", fix: "keep get_runbook until 2026-04-02" },
    ]);
  });

  it("refuses a removal whose deprecation shipped in too few minor release lines", () => {
    expect(check({ releasedDeprecations: () => [] })).toEqual([
      {
        message: "runbooks/get_runbook was removed, but its deprecation shipped in 0 minor release line(s) (never released); the policy requires 1",
        fix: "keep get_runbook and release its deprecation first (pnpm changeset add --minor @mcp-platform/runbooks, pnpm version-packages, pnpm release)",
      },
    ]);
  });

  it("counts minor release lines, not patch releases", () => {
    const policy = { ...DEFAULT_POLICY.deprecation, minimumMinorReleases: 2 };
    expect(check({ policy, releasedDeprecations: () => ["1.1.0", "1.1.1"] })[0]?.message).toContain("shipped in 1 minor release line(s) (1.1.0, 1.1.1)");
    expect(check({ policy, releasedDeprecations: () => ["1.1.0", "1.2.0"] })).toEqual([]);
  });

  it("refuses a removal that leaves callers without a current replacement", () => {
    const base = contract([tool({ deprecated: { ...deprecation, replacement: "fetch_runbook" } })]);
    expect(check({ base, current: contract([]) })).toEqual([
      {
        message: "runbooks/get_runbook was removed, but its replacement fetch_runbook is not in the contract",
        fix: "keep fetch_runbook available and not deprecated while get_runbook goes",
      },
    ]);
    const deprecatedReplacement = tool({ name: "read_runbook", deprecated: { ...deprecation, replacement: "get_runbook" } });
    expect(check({ current: contract([deprecatedReplacement]) })[0]?.message).toContain("its replacement read_runbook is deprecated");
  });

  it("has nothing to say when no tool was removed", () => {
    expect(check({ current: contract([tool({ deprecated: deprecation }), replacement]), now: new Date("2026-01-02") })).toEqual([]);
  });
});
