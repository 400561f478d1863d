/** Something that fails the contract check, with the one action that fixes it. */
export interface Problem {
  kind: "stale" | "bump" | "deprecation" | "removal";
  message: string;
  fix: string;
}
