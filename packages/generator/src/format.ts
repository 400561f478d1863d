import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Formats a staged file as `prettier --write` would at its destination in the workspace (its
 * .prettierrc and .prettierignore), so that what the generator writes passes the format check.
 * A workspace without a Prettier configuration gets the files as rendered.
 */
export async function formatForWorkspace(root: string, path: string, stagedPath: string): Promise<void> {
  const prettier = await import("prettier");
  const destination = join(root, path);
  if (!(await prettier.resolveConfigFile(destination))) return;
  const info = await prettier.getFileInfo(destination, { ignorePath: join(root, ".prettierignore") });
  if (info.ignored || !info.inferredParser) return;
  const options = await prettier.resolveConfig(destination);
  await writeFile(stagedPath, await prettier.format(await readFile(stagedPath, "utf8"), { ...options, filepath: destination }));
}
