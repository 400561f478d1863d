import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseContract, type Contract } from "../contract.js";
import { fileAt, git, resolveCommit } from "../git.js";
import type { ServerApp } from "../workspace.js";
import { releaseTags } from "./release-tags.js";

/** What a contract is compared with. `contract` is `undefined` for a server that is new there. */
export interface Base {
  ref: string;
  label: string;
  contract: Contract | undefined;
}

/**
 * The app's last release tag (`<package>@<version>`, as changesets tags), else where this branch
 * left the base branch of `.changeset/config.json`, else `undefined` (nothing to compare with).
 */
export async function findBase(rootDir: string, app: ServerApp): Promise<Base | undefined> {
  const last = (await releaseTags(rootDir, app.packageName)).at(-1);
  if (last) return withContract(rootDir, app, last.tag, `${last.tag} (last release)`);
  const branch = await baseBranch(rootDir);
  for (const ref of [branch, `origin/${branch}`]) {
    if (!(await resolveCommit(rootDir, ref))) continue;
    const mergeBase = (await git(rootDir, ["merge-base", "HEAD", ref])).trim();
    return withContract(rootDir, app, mergeBase, `${ref} (at ${mergeBase.slice(0, 8)}, no release tag yet)`);
  }
  return undefined;
}

export async function contractAt(rootDir: string, app: ServerApp, ref: string): Promise<Contract | undefined> {
  const text = await fileAt(rootDir, ref, app.contractPath);
  return text === undefined ? undefined : parseContract(text, `${app.contractPath} at ${ref}`);
}

async function withContract(rootDir: string, app: ServerApp, ref: string, label: string): Promise<Base> {
  return { ref, label, contract: await contractAt(rootDir, app, ref) };
}

async function baseBranch(rootDir: string): Promise<string> {
  const config = JSON.parse(await readFile(join(rootDir, ".changeset/config.json"), "utf8")) as { baseBranch?: string };
  return config.baseBranch ?? "main";
}
