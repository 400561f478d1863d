import { describe, expect, it } from "vitest";
import type { Catalog } from "./catalog.js";
import { updateCodeowners } from "./codeowners.js";

const catalog = (owners: [string, string][]) => ({ servers: owners.map(([path, owner]) => ({ path, owner })) }) as unknown as Catalog;

describe("updateCodeowners", () => {
  it("creates the servers block", () => {
    expect(updateCodeowners(undefined, catalog([["apps/runbooks", "team-sre"]]))).toMatch(
      /^# BEGIN mcp-platform servers .*\n\/apps\/runbooks\/ @team-sre\n# END mcp-platform servers\n$/,
    );
  });

  it("rewrites only its block and keeps every other line", () => {
    const before = `* @platform\n\n${updateCodeowners(undefined, catalog([["apps/runbooks", "team-sre"]]))}/docs/ @writers\n`;
    const after = updateCodeowners(
      before,
      catalog([
        ["apps/inventory", "@acme/team-ops"],
        ["apps/runbooks", "team-sre"],
      ]),
    );
    expect(after.startsWith("* @platform\n\n# BEGIN")).toBe(true);
    expect(after).toContain("\n/apps/inventory/ @acme/team-ops\n/apps/runbooks/ @team-sre\n# END mcp-platform servers\n/docs/ @writers\n");
    expect(
      updateCodeowners(
        after,
        catalog([
          ["apps/inventory", "@acme/team-ops"],
          ["apps/runbooks", "team-sre"],
        ]),
      ),
    ).toBe(after);
  });

  it("makes the security reviewers co-owners of each contract, after the line that gives the server to its team", () => {
    expect(updateCodeowners(undefined, catalog([["apps/runbooks", "team-sre"]]), "team-security")).toContain(
      "\n/apps/runbooks/ @team-sre\n/apps/runbooks/mcp-contract.json @team-sre @team-security\n# END",
    );
  });

  it("appends the block after existing rules", () => {
    expect(updateCodeowners("* @platform", catalog([]))).toMatch(/^\* @platform\n\n# BEGIN .*\n# END mcp-platform servers\n$/);
  });
});
