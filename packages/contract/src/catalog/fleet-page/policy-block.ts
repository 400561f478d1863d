import type { CatalogServer } from "../catalog.js";
import { html, type Html } from "./html.js";

/** A server's policy findings and its tools' waivers; the script marks a waiver past its expiry. */
export function policyBlock(server: CatalogServer): Html | string {
  const { findings, waivers } = server.policy;
  if (findings.length === 0 && waivers.length === 0) return "";
  return html`<h3>Policy</h3>
    ${
      findings.length > 0
        ? html`<ul class="findings">
            ${findings.map((finding) => html`<li><span class="badge ${finding.outcome}">${finding.outcome}</span> <code>${finding.rule}</code> ${finding.message}</li>`)}
          </ul>`
        : ""
    }
    ${
      waivers.length > 0
        ? html`<table class="waivers">
            <thead>
              <tr>
                <th>waiver</th>
                <th>tool</th>
                <th>reason</th>
                <th>expires</th>
              </tr>
            </thead>
            <tbody>
              ${waivers.map(
                (waiver) =>
                  html`<tr data-expires="${waiver.expires}">
                    <td><code>${waiver.rule}</code></td>
                    <td><code>${waiver.tool}</code></td>
                    <td>${waiver.reason}</td>
                    <td>${waiver.expires} <span class="state muted"></span></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : ""
    }`;
}
