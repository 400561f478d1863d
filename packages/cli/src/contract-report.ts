import type { AppCheck, PolicyFinding, Problem } from "@mcp-platform/contract";
import { describeFinding } from "@mcp-platform/contract";

/** What `contract check` found for one server, for people reading CI output. */
export function checkReport(check: AppCheck): string[] {
  const against = check.base
    ? check.base.contract
      ? `compared with ${check.base.label}`
      : `new since ${check.base.label}: nothing to compare with`
    : "no release tag or base branch: nothing to compare with";
  const lines = [`${check.packageName} (${check.contractPath}) ${against}`];
  for (const finding of check.findings) {
    lines.push(`  ${finding.level.padEnd(8)} ${describeFinding(finding)} (${finding.reason})`);
  }
  if (check.base?.contract) {
    lines.push(
      check.findings.length === 0
        ? "  no changes"
        : `  needs a ${check.needed} release; the pending changesets and version give ${check.given === "none" ? "none" : `a ${check.given}`}`,
    );
  }
  return [...lines, ...check.waived.map(waivedLine)];
}

function waivedLine({ rule, message, waiver }: PolicyFinding): string {
  return `  waived   ${rule} until ${waiver?.expires}: ${message} (${waiver?.reason})`;
}

export function problemReport(problems: Problem[]): string[] {
  const waivable = problems.some((problem) => problem.rule && problem.rule !== "waiver");
  return [
    `Contract check failed: ${plural(problems.length, "problem")}.`,
    ...problems.flatMap((problem) => listed("x", problem)),
    ...(waivable ? [WAIVER_HINT] : []),
  ];
}

/** What the policy only warns about (a rule set to "warn"): shown, and the check still passes. */
export function warningReport(warnings: Problem[]): string[] {
  return [
    `${plural(warnings.length, "warning")} (mcp-platform.config.json sets these rules to warn, not error):`,
    ...warnings.flatMap((warning) => listed("!", warning)),
  ];
}

const WAIVER_HINT =
  "A team may waive a rule about a tool for that tool alone: " +
  'waivers: [{ rule: "<rule>", reason: "<why>", expires: "YYYY-MM-DD" }] in its defineTool (README: Policy as code).';

function listed(mark: string, problem: Problem): string[] {
  const why = problem.rule ? [`    why (${problem.rule}): ${problem.reason}`] : [];
  return [`  ${mark} ${problem.message}`, `    fix: ${problem.fix}`, ...why];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
