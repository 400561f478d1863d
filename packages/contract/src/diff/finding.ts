import type { Bump } from "../bump.js";

/** How a change affects a client that was written against the previous contract. */
export type ChangeLevel = "breaking" | "minor" | "patch";

export interface Finding {
  level: ChangeLevel;
  /** The tool the change is in; absent for server-level changes. */
  tool?: string;
  /** Where in the tool, e.g. `input.limit` or `output.results[].slug`; empty for the tool itself. */
  at: string;
  /** What changed. */
  change: string;
  /** Why the change has its level. */
  reason: string;
}

const BUMP_OF: Record<ChangeLevel, Bump> = { breaking: "major", minor: "minor", patch: "patch" };

export function bumpFor(level: ChangeLevel): Bump {
  return BUMP_OF[level];
}

/** `search_runbooks input.limit: maximum 20 -> 10`, the way findings are shown to people. */
export function describeFinding(finding: Finding): string {
  const where = [finding.tool, finding.at].filter(Boolean).join(" ");
  return `${where ? `${where}: ` : ""}${finding.change}`;
}
