import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * `text` as `prettier --write` would leave it at `path` in the workspace (its .prettierrc and
 * .prettierignore), so that what the generator writes passes the format check. A workspace
 * without a Prettier configuration gets the text as it is.
 */
export async function formatted(root: string, path: string, text: string): Promise<string> {
  const prettier = await import("prettier");
  const destination = join(root, path);
  if (!(await prettier.resolveConfigFile(destination))) return text;
  const info = await prettier.getFileInfo(destination, { ignorePath: join(root, ".prettierignore") });
  if (info.ignored || !info.inferredParser) return text;
  const options = await prettier.resolveConfig(destination);
  return prettier.format(text, { ...options, filepath: destination });
}

/** Formats a staged file for its destination `path` in the workspace. */
export async function formatForWorkspace(root: string, path: string, stagedPath: string): Promise<void> {
  await writeFile(stagedPath, await formatted(root, path, await readFile(stagedPath, "utf8")));
}
