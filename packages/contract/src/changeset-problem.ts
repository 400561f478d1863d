import type { Bump } from "./bump.js";
import type { Contract } from "./contract.js";
import { bumpFor, describeFinding, type Finding } from "./diff/finding.js";
import type { Problem } from "./problem.js";

interface Shortfall {
  packageName: string;
  baseLabel: string;
  baseVersion: string;
  contract: Contract;
  findings: Finding[];
  needed: Bump;
  pending: Bump;
}

/** The changes need a bigger release than the pending changesets give: name the changeset to add. */
export function changesetProblem({ packageName, baseLabel, baseVersion, contract, findings, needed, pending }: Shortfall): Problem {
  const deciding = findings.filter((finding) => bumpFor(finding.level) === needed);
  const moved = baseVersion === contract.version ? "" : ` (its version already moved ${baseVersion} -> ${contract.version})`;
  const summary = `${contract.name}: ${deciding.map(describeFinding).join("; ")}`;
  return {
    kind: "bump",
    message:
      `${packageName} needs a ${needed} release for ${deciding.length} ${deciding[0]!.level} change(s) since ${baseLabel}, ` +
      `but the pending changesets give it ${pending === "none" ? "no release" : `a ${pending} release`}${moved}`,
    fix: `pnpm changeset add --${needed} ${packageName} -m ${shellQuote(summary)}`,
  };
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
