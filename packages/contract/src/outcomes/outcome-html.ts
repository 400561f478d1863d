import { duration, FIGURE_COLUMNS, figureCells } from "./figure-text.js";
import type { OutcomeFigures, OutcomeReport } from "./outcome-report.js";

const STYLE = `.mcp-outcomes{font:14px/1.4 system-ui,sans-serif;color:#1f2328}
.mcp-outcomes table{border-collapse:collapse;margin:.5em 0 1.5em}
.mcp-outcomes th,.mcp-outcomes td{padding:.25em .6em;border-bottom:1px solid #d0d7de;text-align:right}
.mcp-outcomes th:first-child,.mcp-outcomes td:first-child{text-align:left}
.mcp-outcomes tr.server td{font-weight:600;background:#f6f8fa}
.mcp-outcomes tr.tool td:first-child{padding-left:1.6em}
.mcp-outcomes tr.fleet td{font-weight:600;border-top:2px solid #1f2328}
.mcp-outcomes .note{color:#59636e}`;

/** The report as one HTML section with its own style and no external assets: embeddable in another page. */
export function outcomeSectionHtml(report: OutcomeReport): string {
  const rows = report.servers.flatMap((server) => [row("server", server.server, server), ...server.tools.map((tool) => row("tool", tool.tool, tool))]);
  const callers = report.servers.flatMap((server) =>
    server.tools.flatMap((tool) =>
      tool.deprecatedCallers.map(
        (c) =>
          `<tr><td>${text(`${server.server}/${tool.tool}`)}</td><td>${text(c.subject)}</td><td>${c.calls}</td><td>${text(c.lastCallAt)}</td><td>${text(c.sunset)}</td></tr>`,
      ),
    ),
  );
  const retired = report.integrationsRetired.servers.map(({ server, replaces }) => `<li>${text(server)}: ${replaces.map(text).join(", ")}</li>`);
  return `<section class="mcp-outcomes"><style>${STYLE}</style>
<h2>Outcomes${report.server ? ` of ${text(report.server)}` : ""}</h2>
<p class="note">From ${text(report.since)} to ${text(report.generatedAt)}; undo window ${duration(report.undoWindowSeconds)}.
Override = (declined + expired + undone) / asked. In window = undone within the undo window (false positives).</p>
<table><thead><tr>${["server / tool", ...FIGURE_COLUMNS].map((h) => `<th>${h}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}
${row("fleet", "Fleet", report.fleet)}</tbody></table>
<h3>Deprecated tools still called</h3>
${callers.length > 0 ? `<table><thead><tr><th>Tool</th><th>Caller</th><th>Calls</th><th>Last call</th><th>Sunset</th></tr></thead><tbody>${callers.join("\n")}</tbody></table>` : `<p class="note">None.</p>`}
<h3>Integrations retired: ${report.integrationsRetired.total}</h3>
${retired.length > 0 ? `<ul>${retired.join("\n")}</ul>` : `<p class="note">No server declares what it replaces.</p>`}
</section>`;
}

/** The section as a page of its own (`mcp-platform outcomes --format html > outcomes.html`). */
export function outcomeReportHtml(report: OutcomeReport): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>MCP outcomes</title></head>\n<body>\n${outcomeSectionHtml(report)}\n</body></html>\n`;
}

function row(kind: "server" | "tool" | "fleet", name: string, f: OutcomeFigures): string {
  return `<tr class="${kind}"><td>${text(name)}</td>${figureCells(f)
    .map((cell) => `<td>${text(cell)}</td>`)
    .join("")}</tr>`;
}

function text(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
