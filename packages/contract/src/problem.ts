/** Something that fails the contract check (or, as a warning, that it only shows), with the one action that fixes it. */
export interface Problem {
  kind: "stale" | "bump" | "deprecation" | "removal" | "unbounded";
  message: string;
  fix: string;
}
