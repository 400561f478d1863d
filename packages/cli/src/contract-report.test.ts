import type { AppCheck, Problem } from "@mcp-platform/contract";
import { describe, expect, it } from "vitest";
import { checkReport, problemReport, warningReport } from "./contract-report.js";

const unbounded: Problem = {
  kind: "policy",
  message: "runbooks/get_runbook input.slug: a string of any length (no maxLength)",
  fix: "bound it, e.g. z.string().max(<n>)",
  rule: "inputs.unbounded",
  reason: "a caller can send megabytes",
};
const stale: Problem = { kind: "stale", message: "apps/runbooks/mcp-contract.json is missing", fix: "pnpm contract:update" };

describe("contract check report", () => {
  it("gives each policy problem its rule and reason, and says how to waive a rule", () => {
    expect(problemReport([unbounded]).join("\n")).toBe(
      [
        "Contract check failed: 1 problem.",
        "  x runbooks/get_runbook input.slug: a string of any length (no maxLength)",
        "    fix: bound it, e.g. z.string().max(<n>)",
        "    why (inputs.unbounded): a caller can send megabytes",
        'A team may waive a rule about a tool for that tool alone: waivers: [{ rule: "<rule>", reason: "<why>", expires: "YYYY-MM-DD" }] in its defineTool (README: Policy as code).',
      ].join("\n"),
    );
  });

  it("offers no waiver for what is not a policy rule", () => {
    expect(problemReport([stale])).toEqual([
      "Contract check failed: 1 problem.",
      "  x apps/runbooks/mcp-contract.json is missing",
      "    fix: pnpm contract:update",
    ]);
  });

  it("lists warnings with the same detail under a header that says the check passes", () => {
    expect(warningReport([unbounded])[0]).toBe("1 warning (mcp-platform.config.json sets these rules to warn, not error):");
    expect(warningReport([unbounded])).toContain("    why (inputs.unbounded): a caller can send megabytes");
  });

  it("shows what a waiver excuses, until when and why", () => {
    const waiver = { rule: "inputs.unbounded", reason: "slugs come from our index", expires: "2030-01-01" };
    const check = {
      packageName: "@acme/runbooks",
      contractPath: "apps/runbooks/mcp-contract.json",
      base: undefined,
      findings: [],
      needed: "none",
      given: "none",
      problems: [],
      warnings: [],
      waived: [{ ...unbounded, rule: "inputs.unbounded", outcome: "waived", tool: "get_runbook", reason: "r", waiver }],
    } satisfies AppCheck;
    expect(checkReport(check)).toContain(
      "  waived   inputs.unbounded until 2030-01-01: runbooks/get_runbook input.slug: a string of any length (no maxLength) (slugs come from our index)",
    );
  });
});
