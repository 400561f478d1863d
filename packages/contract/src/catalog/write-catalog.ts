import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadPolicy } from "../policy/policy-config.js";
import { findWorkspace, type Workspace } from "../workspace.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { catalogMarkdown } from "./catalog-markdown.js";
import { updateCodeowners } from "./codeowners.js";
import { fleetPage } from "./fleet-page/fleet-page.js";

export const CATALOG_FILES = ["catalog.json", "CATALOG.md", "CODEOWNERS", "fleet.html"] as const;

export interface CatalogSync {
  workspace: Workspace;
  catalog: Catalog;
  /** The catalog files that differ from what they should be (and, when writing, were written). */
  changed: string[];
}

/**
 * `pnpm catalog`: the catalog files at the workspace root as they should be. With `write`, those
 * that differ are written; either way the names of those that differ are returned.
 */
export async function syncCatalog(cwd: string, options: { write: boolean }): Promise<CatalogSync> {
  const workspace = await findWorkspace(cwd);
  const read = (name: string) => readFile(join(workspace.rootDir, name), "utf8").catch(() => undefined);
  const [policy, codeowners] = await Promise.all([loadPolicy(workspace.rootDir), read("CODEOWNERS")]);
  const catalog = await buildCatalog(workspace, policy, codeowners);
  const expected: Record<(typeof CATALOG_FILES)[number], string> = {
    "catalog.json": `${JSON.stringify(catalog, null, 2)}\n`,
    "CATALOG.md": catalogMarkdown(catalog),
    CODEOWNERS: updateCodeowners(codeowners, catalog, policy.policy.securityReviewers),
    "fleet.html": fleetPage(catalog),
  };
  const changed: string[] = [];
  for (const name of CATALOG_FILES) {
    if ((await read(name)) === expected[name]) continue;
    changed.push(name);
    if (options.write) await writeFile(join(workspace.rootDir, name), expected[name]);
  }
  return { workspace, catalog, changed };
}
