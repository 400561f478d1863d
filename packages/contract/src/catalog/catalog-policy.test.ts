import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fleetCatalog } from "../test-fixtures/fleet.js";
import type { Catalog } from "./catalog.js";

let catalog: Catalog;
let remove: () => Promise<void>;
beforeAll(async () => ({ catalog, remove } = await fleetCatalog()));
afterAll(() => remove());
const server = (name: string) => catalog.servers.find((entry) => entry.name === name)!;

describe("catalog policy", () => {
  it("fails a server whose tool breaks a rule set to error", () => {
    expect(server("billing").policy).toEqual({
      status: "fail",
      findings: [{ rule: "tools.plan", tool: "refund", outcome: "error", message: "billing/refund: a write tool without a plan" }],
      waivers: [],
    });
  });

  it("lists what waivers excuse and every waiver, expired or not, without judging dates (the page does)", () => {
    const { policy } = server("tickets");
    expect(policy.findings.map(({ rule, outcome }) => [rule, outcome])).toEqual([
      ["inputs.unbounded", "waived"],
      ["waiver", "warn"],
    ]);
    expect(policy.status).toBe("warn");
    expect(policy.waivers.map((waiver) => waiver.expires)).toEqual(["2031-06-30", "2020-01-01"]);
  });

  it("gives each tool that changes things its undo or why it has none, and each server the kit's protocol revisions", () => {
    const tools = new Map(server("tickets").tools.map((tool) => [tool.name, tool]));
    expect(tools.get("close_ticket")).toMatchObject({ undo: true });
    expect(tools.get("purge_tickets")).toMatchObject({ undo: false, irreversible: "the archive deletes for good" });
    expect(tools.get("get_ticket")).not.toHaveProperty("undo");
    expect(server("tickets").protocolRevisions.current).toEqual(["2026-07-28"]);
  });
});
