import { describe, expect, it } from "vitest";
import { outcomeReportHtml, outcomeSectionHtml } from "./outcome-html.js";
import type { OutcomeFigures, OutcomeReport } from "./outcome-report.js";
import { outcomeTable } from "./outcome-table.js";

const figures = (requested: number, medianSecondsToUndo: number | null): OutcomeFigures => ({
  approvals: { requested, approved: requested - 2, declined: 1, expired: 1, pending: 0 },
  overrideRate: requested === 0 ? null : 3 / requested,
  actions: { run: requested - 2, failed: 0, undone: 1, undoneWithinWindow: 1, medianSecondsToUndo },
  deprecatedCalls: 4,
  killSwitchRefusals: 2,
});

const report: OutcomeReport = {
  generatedAt: "2026-05-31T00:00:00.000Z",
  since: "2026-05-01T00:00:00.000Z",
  undoWindowSeconds: 3600,
  fleet: figures(8, 90),
  servers: [
    {
      server: "inventory",
      ...figures(8, 90),
      replaces: ["cron:<rotate>"],
      tools: [
        {
          tool: "set_maintenance_mode",
          ...figures(8, 90),
          deprecatedCallers: [
            { subject: "alice", calls: 4, lastCallAt: "2026-05-30T12:00:00.000Z", sunset: "2026-09-01" },
            { subject: "bob", calls: 1, lastCallAt: "2026-05-02T08:00:00.000Z", sunset: "2026-09-01" },
          ],
        },
      ],
    },
  ],
  integrationsRetired: { total: 1, servers: [{ server: "inventory", replaces: ["cron:<rotate>"] }] },
};

describe("the outcome table", () => {
  it("has a row per server, per tool (indented) and for the fleet, with figures under their columns", () => {
    const lines = outcomeTable(report).split("\n");
    const header = lines.find((line) => line.startsWith("server / tool"))!;
    const tool = lines.find((line) => line.startsWith("  set_maintenance_mode"))!;
    expect(header).toMatch(
      /asked +approved +declined +expired +pending +override +run +failed +undone +in window +median undo +deprecated calls +kill switch$/,
    );
    expect(tool.trim().split(/ {2,}/).slice(1)).toEqual(["8", "6", "1", "1", "0", "38%", "6", "0", "1", "1", "1.5m", "4", "2"]);
    // Right-aligned: each figure ends where its column's header ends.
    expect(tool.indexOf("38%") + 3).toBe(header.indexOf("override") + "override".length);
    expect(lines.some((line) => line.startsWith("fleet "))).toBe(true);
  });

  it("names who still calls a deprecated tool, and the integrations retired", () => {
    const text = outcomeTable(report);
    expect(text).toContain("inventory/set_maintenance_mode: alice, 4 calls, last 2026-05-30T12:00:00.000Z, sunset 2026-09-01");
    expect(text).toContain("inventory/set_maintenance_mode: bob, 1 call, last 2026-05-02T08:00:00.000Z, sunset 2026-09-01");
    expect(text).toContain("Integrations retired: 1\n  inventory: cron:<rotate>");
    expect(text).toContain("(undo window 1h)");
  });
});

describe("the outcome HTML", () => {
  it("is one page with its style inline and nothing fetched from elsewhere", () => {
    const html = outcomeReportHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<(link|script|img)\b|\burl\(|src=|href=/);
  });

  it("escapes what servers and callers named", () => {
    const section = outcomeSectionHtml(report);
    expect(section).toContain("<li>inventory: cron:&lt;rotate&gt;</li>");
    expect(section).not.toContain("<rotate>");
  });

  it("shows each tool's figures in a row of its own", () => {
    const section = outcomeSectionHtml(report);
    expect(section).toContain('<tr class="tool"><td>set_maintenance_mode</td><td>8</td><td>6</td><td>1</td><td>1</td><td>0</td><td>38%</td>');
    expect(section).toContain("<td>alice</td><td>4</td><td>2026-05-30T12:00:00.000Z</td><td>2026-09-01</td>");
  });
});
