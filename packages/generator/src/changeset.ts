import type { Bump } from "@mcp-platform/contract";
import type { Job } from "./job.js";
import { step, type StepConfig } from "./step.js";

/** A changeset file as `pnpm changeset` writes it. */
export function changeset(packageName: string, bump: Exclude<Bump, "none">, summary: string): string {
  return `---\n${JSON.stringify(packageName)}: ${bump}\n---\n\n${summary}\n`;
}

/** Stages `.changeset/<name>.md` announcing a minor release; `packageName` is read once the answers are checked. */
export function changesetStep(job: Job, name: string, packageName: () => string, summary: string): StepConfig {
  const file = `.changeset/${name}.md`;
  return step("changeset", async () => {
    await job.write(file, changeset(packageName(), "minor", summary));
    return file;
  });
}
