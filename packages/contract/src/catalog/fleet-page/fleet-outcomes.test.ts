import { describe, expect, it } from "vitest";
import { fakeOutcomeStore } from "../../test-fixtures/fleet.js";
import { fleetOutcomes } from "./fleet-outcomes.js";

describe("fleetOutcomes", () => {
  it("reports the whole window and each of its equal periods, oldest first, end to end", async () => {
    const store = fakeOutcomeStore();
    const since = new Date("2026-05-01T00:00:00Z");
    const now = new Date("2026-05-04T00:00:00Z");
    const { total, periods } = await fleetOutcomes({ stores: [store], contracts: [], since, now, undoWindowSeconds: 60, periods: 3 });
    expect([total.since, total.generatedAt]).toEqual([since.toISOString(), now.toISOString()]);
    expect(periods.map((period) => [period.since.slice(0, 10), period.generatedAt.slice(0, 10)])).toEqual([
      ["2026-05-01", "2026-05-02"],
      ["2026-05-02", "2026-05-03"],
      ["2026-05-03", "2026-05-04"],
    ]);
    expect(periods.map((period) => period.fleet.approvals.requested)).toEqual([1, 2, 3]);
    expect(store.windows).toHaveLength(4);
  });
});
