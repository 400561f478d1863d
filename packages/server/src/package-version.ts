import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version of the package that contains `moduleUrl` (pass `import.meta.url`), so a server's
 * advertised version is the one changesets releases, never a second copy that drifts.
 */
export function packageVersion(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: unknown };
      if (typeof pkg.version !== "string") throw new Error(`${join(dir, "package.json")} has no version`);
      return pkg.version;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${moduleUrl}`);
    dir = parent;
  }
}
