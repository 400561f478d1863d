import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadPolicy } from "../policy/policy-config.js";
import { findWorkspace } from "../workspace.js";
import { buildCatalog } from "./catalog.js";
import { catalogMarkdown } from "./catalog-markdown.js";
import { updateCodeowners } from "./codeowners.js";

export const CATALOG_FILES = ["catalog.json", "CATALOG.md", "CODEOWNERS"] as const;

/**
 * `pnpm catalog`: the catalog files at the workspace root as they should be. With `write`, those
 * that differ are written; either way the names of those that differ are returned.
 */
export async function syncCatalog(cwd: string, options: { write: boolean }): Promise<string[]> {
  const workspace = await findWorkspace(cwd);
  const [catalog, policy] = await Promise.all([buildCatalog(workspace), loadPolicy(workspace.rootDir)]);
  const read = (name: string) => readFile(join(workspace.rootDir, name), "utf8").catch(() => undefined);
  const expected: Record<(typeof CATALOG_FILES)[number], string> = {
    "catalog.json": `${JSON.stringify(catalog, null, 2)}\n`,
    "CATALOG.md": catalogMarkdown(catalog),
    CODEOWNERS: updateCodeowners(await read("CODEOWNERS"), catalog, policy.policy.securityReviewers),
  };
  const changed: string[] = [];
  for (const name of CATALOG_FILES) {
    if ((await read(name)) === expected[name]) continue;
    changed.push(name);
    if (options.write) await writeFile(join(workspace.rootDir, name), expected[name]);
  }
  return changed;
}
