import ignore from "ignore";

/** A team or user as CODEOWNERS names it: `team-sre` becomes `@team-sre`; `@acme/sre` stays. */
export function codeownersHandle(name: string): string {
  return name.startsWith("@") ? name : `@${name}`;
}

/**
 * The owners CODEOWNERS gives `path` (relative to the repository root): as on GitHub, the last
 * line whose pattern matches wins, and its patterns follow .gitignore's rules.
 */
export function ownersOf(codeowners: string, path: string): string[] {
  let owners: string[] = [];
  for (const line of codeowners.split("\n")) {
    const [pattern, ...names] = line
      .replace(/(^|\s)#.*/, "")
      .trim()
      .split(/\s+/);
    if (pattern && ignore().add(pattern).ignores(path)) owners = names;
  }
  return owners;
}

/** Whether CODEOWNERS makes `name` an owner of `path` (handles compare without case, as GitHub's do). */
export function isOwner(codeowners: string, path: string, name: string): boolean {
  const handle = codeownersHandle(name).toLowerCase();
  return ownersOf(codeowners, path).some((owner) => owner.toLowerCase() === handle);
}
