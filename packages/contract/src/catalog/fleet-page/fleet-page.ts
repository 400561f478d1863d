import { outcomeSectionHtml } from "../../outcomes/outcome-html.js";
import type { Catalog } from "../catalog.js";
import { retired } from "../catalog-markdown.js";
import { FLEET_SCRIPT } from "./fleet-script.js";
import { FLEET_STYLE } from "./fleet-style.js";
import type { FleetOutcomes } from "./fleet-outcomes.js";
import { Html, html } from "./html.js";
import { OUTCOME_SERIES, periodChart } from "./period-chart.js";
import { serverSection } from "./server-section.js";

/**
 * The fleet page: one HTML file with its style and script inline and no external assets. Without
 * `outcomes` it depends on the catalog alone (no dates), so `pnpm catalog --check` can compare it.
 */
export function fleetPage(catalog: Catalog, outcomes?: FleetOutcomes): string {
  const { counts } = catalog;
  const statuses = ["pass", "warn", "fail"].map((status) => `${catalog.servers.filter((server) => server.policy.status === status).length} ${status}`);
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>MCP fleet</title>
        <style>
          ${new Html(FLEET_STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>MCP fleet</h1>
          <p>
            ${counts.servers} servers, ${counts.tools} tools (${counts.read} read, ${counts.write} write, ${counts.destructive} destructive),
            ${counts.deprecated} deprecated; ${retired(counts.integrationsRetired)}; policy ${statuses.join(", ")}. Written by
            <code>pnpm catalog</code> from each server's <code>mcp-contract.json</code>.
          </p>
          <div class="search">
            <input type="search" id="search" placeholder="Search tools, servers, owners, scopes (press /)" aria-label="Search tools" autocomplete="off" /><span
              id="search-count"
              aria-live="polite"
            ></span>
          </div>
        </header>
        <main>
          <nav aria-label="Servers">
            <ul>
              ${catalog.servers.map((server) => html`<li><a href="#${server.name}">${server.name}</a> <span class="badge ${server.policy.status}">${server.policy.status}</span></li>`)}
            </ul>
          </nav>
          ${outcomes ? fleetOutcomeSection(outcomes) : ""} ${catalog.servers.map((server) => serverSection(server, outcomes))}
        </main>
        <script>
          ${new Html(FLEET_SCRIPT)};
        </script>
      </body>
    </html>`.markup
  }\n`;
}

function fleetOutcomeSection(outcomes: FleetOutcomes): Html {
  return html`<section class="fleet-outcomes">
    <h2>Fleet outcomes</h2>
    <div class="charts">${OUTCOME_SERIES.map((series) => periodChart(series, outcomes.periods, (report) => report.fleet))}</div>
    ${new Html(outcomeSectionHtml(outcomes.total))}
  </section>`;
}
