import semver from "semver";
import type { Contract, ToolContract } from "../contract.js";
import type { Problem } from "../problem.js";
import { addDays, formatDate, parseDate, today } from "./dates.js";
import type { DeprecationPolicy } from "./policy-config.js";

export interface RemovalContext {
  packageName: string;
  /** The contract compared with, and how to name it (`@mcp-platform/runbooks@0.2.0`). */
  base: Contract;
  baseLabel: string;
  current: Contract;
  /** The released versions whose contract marked `tool` deprecated. */
  releasedDeprecations: (tool: string) => string[];
  policy: DeprecationPolicy;
  now: Date;
}

/**
 * A tool may leave the contract only after its deprecation was released, in enough minor release
 * lines, and its sunset has passed. (That the release is a major is the bump rule's job: a removal
 * is a breaking change.)
 */
export function checkRemovals(context: RemovalContext): Problem[] {
  return removedTools(context.base, context.current).flatMap((tool) => {
    const problem = (message: string, fix: string): Problem => ({
      kind: "removal",
      message: `${context.base.name}/${tool.name} was removed, but ${message}`,
      fix,
    });
    if (!tool.deprecated) {
      const since = today(context.now);
      return [
        problem(
          `${context.baseLabel} does not deprecate it`,
          `restore ${tool.name} and deprecate it first: deprecated: { since: "${formatDate(since)}", ` +
            `sunset: "${formatDate(addDays(since, context.policy.minimumWindowDays))}", replacement: "<tool>", reason: "<why>" }; ` +
            "release that, and remove the tool in a major release after its sunset",
        ),
      ];
    }
    const problems: Problem[] = [];
    const sunset = parseDate(tool.deprecated.sunset);
    if (!sunset || today(context.now) <= sunset) {
      const from = sunset ? formatDate(addDays(sunset, 1)) : "a valid sunset date";
      problems.push(problem(`its sunset ${tool.deprecated.sunset} has not passed`, `keep ${tool.name} until ${from}`));
    }
    const versions = context.releasedDeprecations(tool.name);
    const lines = new Set(versions.map((version) => `${semver.major(version)}.${semver.minor(version)}`));
    const needed = context.policy.minimumMinorReleases;
    if (lines.size < needed) {
      problems.push(
        problem(
          `its deprecation shipped in ${lines.size} minor release line(s) (${versions.join(", ") || "never released"}); the policy requires ${needed}`,
          `keep ${tool.name} and release its deprecation first (pnpm changeset add --minor ${context.packageName}, ` + "pnpm version-packages, pnpm release)",
        ),
      );
    }
    const replacement = context.current.tools.find((candidate) => candidate.name === tool.deprecated!.replacement);
    if (context.policy.replacementRequired && (!replacement || replacement.deprecated)) {
      problems.push(
        problem(
          `its replacement ${tool.deprecated.replacement} is ${replacement ? "deprecated" : "not in the contract"}`,
          `keep ${tool.deprecated.replacement} available and not deprecated while ${tool.name} goes`,
        ),
      );
    }
    return problems;
  });
}

export function removedTools(base: Contract, current: Contract): ToolContract[] {
  const kept = new Set(current.tools.map((tool) => tool.name));
  return base.tools.filter((tool) => !kept.has(tool.name));
}
