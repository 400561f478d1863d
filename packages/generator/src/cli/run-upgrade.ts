import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { finishSteps } from "../finish.js";
import { Job } from "../job.js";
import { RollbackJournal } from "../rollback-journal.js";
import { applyUpgrades } from "../upgrade/apply-upgrade.js";
import { generatedServers, planUpgrade, type ServerUpgrade } from "../upgrade/plan-upgrade.js";
import { templateVersion } from "../upgrade/template-version.js";
import { upgradeChangeset } from "../upgrade/upgrade-changeset.js";
import { openWorkspace } from "../workspace.js";
import { UsageError } from "./flags.js";
import type { CliIo } from "./run-cli.js";
import { UPGRADE_USAGE, upgradeFlags } from "./upgrade-flags.js";

/** `pnpm gen upgrade`; resolves with the exit code: 1 when a conflict is left (or, dry, would be). */
export async function runUpgrade(root: string, args: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const flags = upgradeFlags(args);
  if (flags.help) {
    io.out(UPGRADE_USAGE);
    return 0;
  }
  const journal = new RollbackJournal(join(await gitDirectory(root), "mcp-platform-upgrade.journal.json"));
  if (flags.dryRun && existsSync(journal.path))
    throw new Error("an upgrade was killed before it could roll back: run pnpm gen upgrade without --dry-run to put its files back first");
  const recovered = flags.dryRun ? undefined : await journal.recover();
  if (recovered !== undefined) io.out(`✔ put back what an upgrade killed before it could roll back (pid ${recovered}) had written`);
  const servers = await chosenServers(root, flags);
  const to = await templateVersion();
  const upgrades: ServerUpgrade[] = [];
  for (const server of servers) upgrades.push(await planUpgrade(root, server, to));
  for (const upgrade of upgrades) io.out(describe(upgrade));
  const conflicts = upgrades.flatMap((upgrade) =>
    upgrade.changes.filter((change) => change.kind === "conflict").map((change) => `${upgrade.app}/${change.path}`),
  );
  const moving = upgrades.filter((upgrade) => upgrade.record.template !== upgrade.to);
  if (flags.dryRun) {
    io.out(`dry run: nothing written${conflicts.length ? `; ${conflicts.length} file(s) would conflict` : ""}`);
    return conflicts.length ? 1 : 0;
  }
  if (moving.length === 0) return 0;
  const job = new Job(root, signal, journal);
  const contracts = moving.map((upgrade) => `${upgrade.app}/mcp-contract.json`);
  const before = await Promise.all(contracts.map((path) => readFile(join(root, path), "utf8").catch(() => undefined)));
  const written = await job.step(() => applyUpgrades(job, moving));
  io.out(`✔ write ${written.join("\n    ")}`);
  if (conflicts.length) {
    io.err(`✖ conflicts left in ${conflicts.join(", ")}: resolve the regions between <<<<<<< and >>>>>>>, then run pnpm install,`);
    io.err("  pnpm contract:update, pnpm catalog, and pnpm changeset for each upgraded server");
    await job.complete();
    return 1;
  }
  if (!flags.install) {
    io.out("Next: pnpm install, pnpm contract:update, pnpm catalog, and pnpm changeset for each upgraded server");
    await job.complete();
    return 0;
  }
  for (const step of finishSteps(job, { install: true, contracts })) io.out(`✔ ${step.type} ${(await step.run()).replaceAll("\n", "\n    ")}`);
  const changesets = await job.step(async () => {
    const files: string[] = [];
    for (const [i, upgrade] of moving.entries()) {
      const { file, text } = await upgradeChangeset(root, upgrade, before[i]);
      await job.writeInPlace(file, text);
      files.push(file);
    }
    return files;
  });
  io.out(`✔ changeset ${changesets.join(", ")}`);
  await job.complete();
  return 0;
}

async function gitDirectory(root: string): Promise<string> {
  const { stdout } = await promisify(execFile)("git", ["rev-parse", "--absolute-git-dir"], { cwd: root });
  return stdout.trim();
}

async function chosenServers(root: string, flags: { servers: string[]; all: boolean }): Promise<string[]> {
  const servers = (await openWorkspace(root)).servers();
  if (flags.all && flags.servers.length) throw new UsageError("name servers or pass --all, not both");
  if (flags.all) return generatedServers(root, servers);
  if (flags.servers.length === 0) throw new UsageError("name a server (pnpm gen upgrade <server>) or pass --all");
  const unknown = flags.servers.find((server) => !servers.includes(server));
  if (unknown) throw new UsageError(`no server apps/${unknown} (servers: ${servers.join(", ") || "none"})`);
  return flags.servers;
}

function describe(upgrade: ServerUpgrade): string {
  const from = upgrade.record.template.slice(0, 12);
  if (upgrade.record.template === upgrade.to) return `${upgrade.server}: on the current template ${from}, nothing to do`;
  const lines = upgrade.changes.map((change) => `  ${change.kind.padEnd(9)}${upgrade.app}/${change.path}${change.note ? ` (${change.note})` : ""}`);
  return [`${upgrade.server}: template ${from} -> ${upgrade.to.slice(0, 12)}`, ...(lines.length ? lines : ["  no file changes"])].join("\n");
}
