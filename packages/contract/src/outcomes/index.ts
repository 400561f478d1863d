/**
 * `@mcp-platform/contract/outcomes`: the outcome report (what approvals, undos, deprecations and the
 * kill switch came to across the fleet), as data and rendered for a terminal or a web page.
 */
export { outcomeReport, type OutcomeReportInput } from "./build-outcome-report.js";
export { outcomeReportHtml, outcomeSectionHtml } from "./outcome-html.js";
export type { DeprecatedCaller, OutcomeFigures, OutcomeReport, ServerOutcome, ToolOutcome } from "./outcome-report.js";
export { outcomeTable } from "./outcome-table.js";
export { readContracts } from "../read-contracts.js";
