import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getPackages } from "@manypkg/get-packages";
import type { ServerDefinition } from "@mcp-platform/server/definition";

/** A team server: a workspace package in `apps/` with a `src/server.ts` (DESIGN.md conventions). */
export interface ServerApp {
  packageName: string;
  dir: string;
  /** `apps/runbooks`, with forward slashes. */
  relativeDir: string;
  /** `apps/runbooks/mcp-contract.json` */
  contractPath: string;
}

export interface Workspace {
  rootDir: string;
  apps: ServerApp[];
}

export async function findWorkspace(cwd: string): Promise<Workspace> {
  const { rootDir, packages } = await getPackages(cwd);
  const apps = packages
    .filter((pkg) => pkg.relativeDir.startsWith("apps/") && existsSync(join(pkg.dir, "src/server.ts")))
    .map((pkg) => ({
      packageName: pkg.packageJson.name,
      dir: pkg.dir,
      relativeDir: pkg.relativeDir,
      contractPath: `${pkg.relativeDir}/mcp-contract.json`,
    }))
    .sort((a, b) => a.relativeDir.localeCompare(b.relativeDir));
  return { rootDir, apps };
}

/** The server definition an app's built `dist/server.js` exports by default. */
export async function loadDefinition(app: ServerApp): Promise<ServerDefinition> {
  const entry = join(app.dir, "dist/server.js");
  if (!existsSync(entry)) throw new Error(`${app.relativeDir}/dist/server.js is missing: build first (pnpm build)`);
  const module = (await import(pathToFileURL(entry).href)) as { default?: Partial<ServerDefinition> };
  const definition = module.default;
  if (typeof definition?.name !== "string" || typeof definition.version !== "string") {
    throw new Error(`${app.relativeDir}/dist/server.js must export its server definition as default (export default defineServer(...))`);
  }
  return definition as ServerDefinition;
}

/** The CODEOWNERS at the workspace root (the one `pnpm catalog` writes); `undefined` when there is none. */
export function readCodeowners(rootDir: string): Promise<string | undefined> {
  return readFile(join(rootDir, "CODEOWNERS"), "utf8").catch(() => undefined);
}
