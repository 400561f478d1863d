import { percent } from "../../outcomes/figure-text.js";
import type { OutcomeReport } from "../../outcomes/outcome-report.js";
import type { CatalogServer } from "../catalog.js";
import type { FleetOutcomes } from "./fleet-outcomes.js";
import { html, type Html } from "./html.js";
import { OUTCOME_SERIES, periodChart } from "./period-chart.js";
import { policyBlock } from "./policy-block.js";
import { toolRow } from "./tool-row.js";

/** One server: what it is, who owns it, where it stands with the policy, its outcomes and its tools. */
export function serverSection(server: CatalogServer, outcomes: FleetOutcomes | undefined): Html {
  const { current, legacy } = server.protocolRevisions;
  return html`<section class="server" id="${server.name}" aria-labelledby="${`${server.name}-title`}">
    <h2 id="${`${server.name}-title`}">${server.name} <span class="badge ${server.policy.status}">policy: ${server.policy.status}</span></h2>
    <p>${server.description}</p>
    <dl class="facts">
      <dt>owner</dt>
      <dd><code>${server.owner}</code></dd>
      <dt>package</dt>
      <dd><code>${server.package}</code> ${server.version} (<code>${server.path}</code>)</dd>
      <dt>transport</dt>
      <dd>${server.defaultTransport} by default; Streamable HTTP with <code>MCP_TRANSPORT=http</code></dd>
      <dt>protocol</dt>
      <dd>${current.join(", ")}; legacy ${legacy.join(", ")}</dd>
      ${
        server.template
          ? html`<dt>template</dt>
              <dd><code>${server.template}</code></dd>`
          : ""
      }
      ${
        server.replaces.length
          ? html`<dt>replaces</dt>
              <dd>${server.replaces.map((integration, i) => html`${i ? ", " : ""}<code>${integration}</code>`)}</dd>`
          : ""
      }
      <dt>tools</dt>
      <dd>
        ${server.counts.tools} (${server.counts.read} read, ${server.counts.write} write, ${server.counts.destructive} destructive), ${server.counts.deprecated}
        deprecated
      </dd>
    </dl>
    ${policyBlock(server)} ${outcomes ? serverOutcomes(server.name, outcomes) : ""}
    <table class="tools">
      <thead>
        <tr>
          <th>tool</th>
          <th>access</th>
          <th>scope</th>
          <th>approval</th>
          <th>undo</th>
          <th>deprecation</th>
        </tr>
      </thead>
      <tbody>
        ${server.tools.map((tool) => toolRow(server, tool))}
      </tbody>
    </table>
  </section>`;
}

function serverOutcomes(name: string, outcomes: FleetOutcomes): Html {
  const figuresOf = (report: OutcomeReport) => report.servers.find((server) => server.server === name);
  const total = figuresOf(outcomes.total);
  const summary = total
    ? `${total.approvals.requested} approvals asked, override rate ${percent(total.overrideRate)}, ${total.actions.run} actions run, ${total.actions.undone} undone, ${total.deprecatedCalls} deprecated calls, ${total.killSwitchRefusals} kill-switch refusals`
    : "nothing recorded";
  return html`<h3>Outcomes</h3>
    <p>${summary}</p>
    <div class="charts">${OUTCOME_SERIES.map((series) => periodChart(series, outcomes.periods, figuresOf))}</div>`;
}
