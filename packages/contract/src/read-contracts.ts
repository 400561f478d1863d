import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseContract, type Contract } from "./contract.js";
import type { Workspace } from "./workspace.js";

/** Each server's committed contract (kept current by `pnpm contract:check`), in the workspace's order of apps. */
export function readContracts(workspace: Workspace): Promise<Contract[]> {
  return Promise.all(
    workspace.apps.map(async (app) => {
      const text = await readFile(join(workspace.rootDir, app.contractPath), "utf8").catch(() => {
        throw new Error(`${app.contractPath} is missing: run pnpm contract:update`);
      });
      return parseContract(text, app.contractPath);
    }),
  );
}
