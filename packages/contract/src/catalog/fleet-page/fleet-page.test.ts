import { PROTOCOL_REVISIONS } from "@mcp-platform/server/definition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeOutcomeStore, fleetCatalog } from "../../test-fixtures/fleet.js";
import type { Catalog } from "../catalog.js";
import { fleetOutcomes } from "./fleet-outcomes.js";
import { fleetPage } from "./fleet-page.js";

let catalog: Catalog;
/** The page with the layout whitespace between and inside elements folded, to compare its content. */
const folded = (page: string) => page.replace(/>\s+</g, "><").replace(/\s+/g, " ");
let remove: () => Promise<void>;
beforeAll(async () => ({ catalog, remove } = await fleetCatalog()));
afterAll(() => remove());

describe("fleetPage", () => {
  it("is the same for the same catalog, with no date but the contracts' and the protocol revisions', so pnpm catalog --check can compare it", () => {
    const page = fleetPage(catalog);
    expect(fleetPage(structuredClone(catalog))).toBe(page);
    const dates = new Set(page.match(/\d{4}-\d{2}-\d{2}/g));
    const revisions = [...PROTOCOL_REVISIONS.current, ...PROTOCOL_REVISIONS.legacy];
    expect(dates).toEqual(new Set(["2026-01-01", "2031-01-01", "2031-06-30", "2020-01-01", ...revisions]));
  });

  it("escapes every text from the contracts, and has no script or style but its own inline ones and nothing external", () => {
    const page = fleetPage(catalog);
    expect(page).toContain("Support tickets &#60;b&#62;&#38; more&#60;/b&#62;.");
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<style/g)).toHaveLength(1);
    expect(page).not.toMatch(/\bsrc=|<link|@import|url\(|href="(?!#)/);
  });

  it("shows each server's facts and policy, and links a deprecated tool to its replacement", () => {
    const page = folded(fleetPage(catalog));
    expect(page).toContain('<h2 id="billing-title">billing <span class="badge fail">policy: fail</span></h2>');
    expect(page).toContain("billing/refund: a write tool without a plan");
    expect(page).toContain("<dt>protocol</dt><dd>2026-07-28; legacy 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05, 2024-10-07</dd>");
    expect(page).toMatch(/<tr class="tool-row" id="tickets-find_ticket"[^]*?use <a class="replacement" href="#tickets-get_ticket">get_ticket<\/a> instead/);
    expect(page).toContain('<tr data-expires="2031-06-30"><td><code>inputs.unbounded</code></td><td><code>search_tickets</code></td>');
    expect(page).toContain('irreversible: <span class="muted">the archive deletes for good</span>');
    expect(page).toContain("<dt>replaces</dt><dd><code>cron:close-stale-tickets</code>, <code>webhook:zendesk-sync</code></dd>");
    expect(page).toContain("2 one-off integrations retired");
  });

  it("adds the outcomes with a chart per figure for the fleet and each server when given them", async () => {
    const outcomes = await fleetOutcomes({
      stores: [fakeOutcomeStore()],
      contracts: [],
      since: new Date("2026-05-01T00:00:00Z"),
      now: new Date("2026-05-13T00:00:00Z"),
      undoWindowSeconds: 3600,
      periods: 12,
    });
    const page = folded(fleetPage(catalog, outcomes));
    expect(page).toContain("<h2>Fleet outcomes</h2>");
    expect(page.match(/<svg /g)).toHaveLength(4 * 3);
    expect(page).toContain("<title>2026-05-03 to 2026-05-04: 3</title>");
    expect(page).not.toBe(fleetPage(catalog));
  });
});
