import type { ChangeLevel, Finding } from "./finding.js";

/** Inputs are what clients send, outputs what they receive: the same change cuts the other way. */
export type Direction = "input" | "output";

export interface Place {
  tool: string;
  /** `input.limit`, `output.results[]` */
  at: string;
  direction: Direction;
}

interface Effect {
  level: ChangeLevel;
  reason: string;
}

const EFFECTS: Record<Direction, { narrowed: Effect; widened: Effect }> = {
  input: {
    narrowed: { level: "breaking", reason: "calls that were valid before can now be rejected" },
    widened: { level: "minor", reason: "every call that was valid before still is" },
  },
  output: {
    narrowed: { level: "minor", reason: "every result it returns now could have been returned before" },
    widened: { level: "breaking", reason: "clients can now receive values they were not written to handle" },
  },
};

/**
 * The finding for a change that narrows and/or widens what a schema accepts. A change that does
 * both (string -> number) takes the worse of the two effects.
 */
export function shift(place: Place, change: string, narrowed: boolean, widened: boolean): Finding[] {
  const effects = EFFECTS[place.direction];
  const candidates = [narrowed ? effects.narrowed : undefined, widened ? effects.widened : undefined].filter((effect) => effect !== undefined);
  const effect = candidates.find((candidate) => candidate.level === "breaking") ?? candidates[0];
  return effect ? [{ level: effect.level, ...where(place), change, reason: effect.reason }] : [];
}

/** The part of a place a finding carries. */
export function where(place: Place): { tool: string; at: string } {
  return { tool: place.tool, at: place.at };
}
