import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contractOf, formatContract } from "./contract.js";
import { assertFleetHasServers } from "./fleet-dependencies.js";
import { findWorkspace, loadDefinition, type ServerApp } from "./workspace.js";

export interface ContractFile {
  app: ServerApp;
  /** What the file should contain, from the built server definition. */
  expected: string;
  /** What it contains; `undefined` when it does not exist. */
  actual: string | undefined;
}

/** Each server's contract as generated from its built definition, next to the committed file. */
export async function contractFiles(cwd: string): Promise<{ rootDir: string; files: ContractFile[] }> {
  const { rootDir, apps } = await findWorkspace(cwd);
  await assertFleetHasServers(rootDir, apps);
  const files: ContractFile[] = [];
  for (const app of apps) {
    const expected = formatContract(contractOf(await loadDefinition(app)));
    const actual = await readFile(join(rootDir, app.contractPath), "utf8").catch(() => undefined);
    files.push({ app, expected, actual });
  }
  return { rootDir, files };
}

/** `pnpm contract:update`: rewrites the contract files that are out of date; returns those. */
export async function updateContracts(cwd: string): Promise<ContractFile[]> {
  const { rootDir, files } = await contractFiles(cwd);
  const stale = files.filter((file) => file.actual !== file.expected);
  for (const file of stale) await writeFile(join(rootDir, file.app.contractPath), file.expected);
  return stale;
}
