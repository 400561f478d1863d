/** Something that fails the contract check (or, as a warning, that it only shows), with the one action that fixes it. */
export interface Problem {
  kind: "stale" | "bump" | "removal" | "policy";
  message: string;
  fix: string;
  /** Policy problems: the rule (or `waiver`) and why the fleet has it. */
  rule?: string;
  reason?: string;
}
