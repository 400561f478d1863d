import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bumpFor, diffContracts, largestBump, parseContract, type Bump } from "@mcp-platform/contract";
import { changeset } from "../changeset.js";
import type { ServerUpgrade } from "./plan-upgrade.js";

/**
 * The changeset announcing a server's upgrade: a patch, unless its contract (before the upgrade,
 * `contractBefore`, and as `pnpm contract:update` left it) changed in a way that needs more.
 */
export async function upgradeChangeset(root: string, upgrade: ServerUpgrade, contractBefore: string | undefined): Promise<{ file: string; text: string }> {
  const contractPath = `${upgrade.app}/mcp-contract.json`;
  const after = parseContract(await readFile(join(root, contractPath), "utf8"), contractPath);
  const findings = contractBefore === undefined ? [] : diffContracts(parseContract(contractBefore, contractPath), after);
  const bump = largestBump(["patch", ...findings.map((finding) => bumpFor(finding.level))]) as Exclude<Bump, "none">;
  const { name } = JSON.parse(await readFile(join(root, upgrade.app, "package.json"), "utf8")) as { name: string };
  const counts = countKinds(upgrade);
  const summary =
    `Brought up to the kit's server template \`${upgrade.to.slice(0, 12)}\` (from \`${upgrade.record.template.slice(0, 12)}\`) ` +
    `with \`pnpm gen upgrade\`${counts ? `: ${counts}` : ""}.`;
  return { file: `.changeset/upgrade-${upgrade.server}-${upgrade.to.slice(0, 12)}.md`, text: changeset(name, bump, summary) };
}

function countKinds(upgrade: ServerUpgrade): string {
  const kinds = new Map<string, number>();
  for (const change of upgrade.changes) if (change.kind !== "keep") kinds.set(change.kind, (kinds.get(change.kind) ?? 0) + 1);
  const words: Record<string, string> = { add: "added", update: "updated", merge: "merged", remove: "removed", conflict: "merged by hand" };
  return [...kinds].map(([kind, count]) => `${count} file${count === 1 ? "" : "s"} ${words[kind] ?? kind}`).join(", ");
}
