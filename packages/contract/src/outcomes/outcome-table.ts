import { duration, FIGURE_COLUMNS, figureCells } from "./figure-text.js";
import type { OutcomeReport } from "./outcome-report.js";

/** The report as a terminal table: one row per server (its totals), its tools indented below it. */
export function outcomeTable(report: OutcomeReport): string {
  const rows: string[][] = [["server / tool", ...FIGURE_COLUMNS]];
  for (const server of report.servers) {
    rows.push([server.server, ...figureCells(server)]);
    for (const tool of server.tools) rows.push([`  ${tool.tool}`, ...figureCells(tool)]);
  }
  rows.push(["fleet", ...figureCells(report.fleet)]);
  const lines = [
    `Outcomes ${report.server ? `of ${report.server} ` : ""}from ${report.since} to ${report.generatedAt} (undo window ${duration(report.undoWindowSeconds)})`,
    "",
    ...aligned(rows),
    "",
    "override = (declined + expired + undone) / asked; in window = undone within the undo window (false positives)",
    ...deprecatedCallers(report),
    "",
    `Integrations retired: ${report.integrationsRetired.total}`,
    ...report.integrationsRetired.servers.map(({ server, replaces }) => `  ${server}: ${replaces.join(", ")}`),
  ];
  return lines.join("\n");
}

function deprecatedCallers(report: OutcomeReport): string[] {
  const lines = report.servers.flatMap((server) =>
    server.tools.flatMap((tool) =>
      tool.deprecatedCallers.map(
        (c) => `  ${server.server}/${tool.tool}: ${c.subject}, ${c.calls} ${c.calls === 1 ? "call" : "calls"}, last ${c.lastCallAt}, sunset ${c.sunset}`,
      ),
    ),
  );
  return lines.length > 0 ? ["", "Deprecated tools still called (who has to migrate, and by when):", ...lines] : [];
}

/** Names left-aligned, numbers right-aligned, columns as wide as their widest cell. */
function aligned(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd(),
  );
}
