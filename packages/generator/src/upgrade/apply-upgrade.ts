import { formatTemplateRecord, TEMPLATE_RECORD_FILE } from "@mcp-platform/contract";
import { formatted } from "../format.js";
import type { Job } from "../job.js";
import type { ServerUpgrade } from "./plan-upgrade.js";

/** Writes each planned change into the workspace, and moves each server's record to the new template. */
export async function applyUpgrades(job: Job, upgrades: readonly ServerUpgrade[]): Promise<string[]> {
  const written: string[] = [];
  for (const upgrade of upgrades) {
    for (const change of upgrade.changes) {
      const path = `${upgrade.app}/${change.path}`;
      if (change.kind === "remove") await job.removeInPlace(path);
      else if (change.text !== undefined) await job.writeInPlace(path, change.text);
      else continue;
      written.push(path);
    }
    const record = `${upgrade.app}/${TEMPLATE_RECORD_FILE}`;
    await job.writeInPlace(record, await formatted(job.root, record, formatTemplateRecord({ ...upgrade.record, template: upgrade.to })));
    written.push(record);
  }
  return written;
}
