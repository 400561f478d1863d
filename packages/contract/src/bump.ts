import semver from "semver";

/** A semver release type, as changesets names them; `none` means no release. */
export type Bump = "major" | "minor" | "patch" | "none";

const ORDER: readonly Bump[] = ["none", "patch", "minor", "major"];

export function bumpRank(bump: Bump): number {
  return ORDER.indexOf(bump);
}

export function largestBump(bumps: Iterable<Bump>): Bump {
  let largest: Bump = "none";
  for (const bump of bumps) if (bumpRank(bump) > bumpRank(largest)) largest = bump;
  return largest;
}

/** The release type that took `from` to `to` (`none` when `to` is not newer), prereleases counting as their base type. */
export function bumpBetween(from: string, to: string): Bump {
  if (!semver.gt(to, from)) return "none";
  const diff = semver.diff(from, to);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  return "patch";
}
