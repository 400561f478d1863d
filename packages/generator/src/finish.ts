import { CATALOG_FILES } from "@mcp-platform/contract";
import type { Job } from "./job.js";
import { runCommand } from "./run-command.js";
import { step, type StepConfig } from "./step.js";

/** Moves the staged files into the workspace. */
export function placeStep(job: Job): StepConfig {
  return step("place", async () => {
    const files = await job.step(() => job.place());
    return [`${files.length} files`, ...files].join("\n");
  });
}

/**
 * After the files are in place: install (a new server's dependencies; the lockfile must change, also
 * where CI would freeze it), then the contract tool and the catalog (which also writes the CODEOWNERS
 * line). A failure undoes the whole run.
 */
export function finishSteps(job: Job, options: { install: boolean; contracts: readonly string[] }): StepConfig[] {
  const pnpm = (files: readonly string[], ...args: string[]) =>
    job.step(async () => {
      for (const file of files) await job.save(file);
      await runCommand("pnpm", args, job.root, { signal: job.signal });
      return files.join(", ");
    });
  return [
    ...(options.install ? [step("install", () => pnpm(["pnpm-lock.yaml"], "install", "--prefer-offline", "--no-frozen-lockfile"))] : []),
    step("contract", () => pnpm(options.contracts, "contract:update")),
    step("catalog", () => pnpm(CATALOG_FILES, "catalog")),
  ];
}
