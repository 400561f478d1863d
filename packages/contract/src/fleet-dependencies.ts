import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ServerApp } from "./workspace.js";

/** The package whose devDependencies are every server: turbo builds them all before its fleet checks. */
export const FLEET_PACKAGE = "packages/fleet/package.json";

/** The fleet package's package.json as text; a clear error when a fork removed it. */
export async function readFleetPackage(rootDir: string): Promise<string> {
  try {
    return await readFile(join(rootDir, FLEET_PACKAGE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new Error(
      `${FLEET_PACKAGE} is missing: it lists every server as a devDependency, so turbo builds them before the contract and catalog checks (restore it from the kit)`,
      { cause: error },
    );
  }
}

/**
 * The contract check reads each server's built definition. `pnpm contract:check` builds what the fleet
 * package depends on first (turbo's `^build`), so a server missing there would be checked against a stale
 * build, or none: refuse that, saying how to add it.
 */
export async function assertFleetHasServers(rootDir: string, apps: readonly ServerApp[]): Promise<void> {
  const fleet = JSON.parse(await readFleetPackage(rootDir)) as { devDependencies?: Record<string, string> };
  const missing = apps.map((app) => app.packageName).filter((name) => fleet.devDependencies?.[name] === undefined);
  if (missing.length === 0) return;
  throw new Error(
    `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the devDependencies of ${FLEET_PACKAGE}, so turbo does not build ${missing.length === 1 ? "it" : "them"} before the contract check.\n` +
      `  fix: pnpm --filter @mcp-platform/fleet add -D ${missing.map((name) => `${name}@workspace:*`).join(" ")}`,
  );
}
