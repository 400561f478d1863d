import { getReleasePlan } from "@changesets/get-release-plan";
import type { Bump } from "./bump.js";

/**
 * The release each package gets from the pending changesets, as `changeset version` would apply
 * it (dependents and fixed/linked groups included).
 */
export async function pendingBumps(rootDir: string): Promise<Map<string, Bump>> {
  const plan = await getReleasePlan(rootDir);
  return new Map(plan.releases.map((release) => [release.name, release.type]));
}
