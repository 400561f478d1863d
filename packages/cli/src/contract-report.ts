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
  return [`Contract check failed: ${plural(problems.length, "problem")}.`, ...problems.flatMap((problem) => listed("x", problem))];
}

/** What the policy only warns about (`"inputs": { "unbounded": "warn" }`): shown, and the check still passes. */
export function warningReport(warnings: Problem[]): string[] {
  return [
    `${plural(warnings.length, "warning")} (mcp-platform.config.json sets these to warn, not fail):`,
    ...warnings.flatMap((warning) => listed("!", warning)),
  ];
}

function listed(mark: string, problem: Problem): string[] {
  return [`  ${mark} ${problem.message}`, `    fix: ${problem.fix}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
