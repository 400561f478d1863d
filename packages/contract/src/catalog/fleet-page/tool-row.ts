import type { CatalogServer, CatalogTool } from "../catalog.js";
import { html, type Html } from "./html.js";

/** One tool of a server's table; `data-search` holds what the search box matches against. */
export function toolRow(server: CatalogServer, tool: CatalogTool): Html {
  const words = [server.name, server.owner, tool.name, tool.title, tool.access, tool.scope, tool.deprecated ? `deprecated ${tool.deprecated.replacement}` : ""];
  return html`<tr class="tool-row" id="${`${server.name}-${tool.name}`}" data-search="${words.join(" ").toLowerCase()}">
    <td><code>${tool.name}</code>${tool.title ? html`<br /><span class="muted">${tool.title}</span>` : ""}${waivers(tool)}</td>
    <td><span class="badge ${tool.access}">${tool.access}</span></td>
    <td><code>${tool.scope}</code></td>
    <td>${tool.approval ? "human approval" : "none"}</td>
    <td>${undo(tool)}</td>
    <td>${deprecation(server, tool)}</td>
  </tr>`;
}

function undo(tool: CatalogTool): Html | string {
  if (tool.undo) return "undo_action";
  if (tool.irreversible) return html`irreversible: <span class="muted">${tool.irreversible}</span>`;
  return tool.undo === false ? html`<span class="muted">no undo</span>` : html`<span class="muted">n/a</span>`;
}

/** The deprecation's dates and replacement as text; the script draws how far along it is today. */
function deprecation(server: CatalogServer, tool: CatalogTool): Html | string {
  if (!tool.deprecated) return "";
  const { since, sunset, replacement, reason } = tool.deprecated;
  return html`<div class="timeline" data-since="${since}" data-sunset="${sunset}">
    <span>deprecated ${since} → sunset ${sunset}</span>
    <span class="bar"><span class="elapsed"></span></span>
    <span>use <a class="replacement" href="#${`${server.name}-${replacement}`}">${replacement}</a> instead <span class="left muted"></span></span>
    <span class="muted">${reason}</span>
  </div>`;
}

function waivers(tool: CatalogTool): Html | string {
  if (!tool.waivers?.length) return "";
  return html`${tool.waivers.map((waiver) => html`<br /><span class="badge waived" title="${waiver.reason}">waives ${waiver.rule} until ${waiver.expires}</span>`)}`;
}
