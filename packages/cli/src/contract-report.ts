import type { AppCheck, Problem } from "@mcp-platform/contract";
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
  return lines;
}

export function problemReport(problems: Problem[]): string[] {
  return [
    `Contract check failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}.`,
    ...problems.flatMap((problem) => [`  x ${problem.message}`, `    fix: ${problem.fix}`]),
  ];
}
