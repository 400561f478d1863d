import semver from "semver";
import { git } from "../git.js";

export interface ReleaseTag {
  tag: string;
  version: string;
}

/** A package's release tags in version order, oldest first. */
export async function releaseTags(rootDir: string, packageName: string): Promise<ReleaseTag[]> {
  const prefix = `${packageName}@`;
  const tags = (await git(rootDir, ["tag", "--list", `${prefix}*`])).split("\n").filter(Boolean);
  return tags
    .map((tag) => ({ tag, version: tag.slice(prefix.length) }))
    .filter(({ version }) => semver.valid(version))
    .sort((a, b) => semver.compare(a.version, b.version));
}
