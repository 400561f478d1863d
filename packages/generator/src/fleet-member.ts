import { FLEET_PACKAGE, readFleetPackage } from "@mcp-platform/contract";
import type { Job } from "./job.js";
import { step, type StepConfig } from "./step.js";

/**
 * The fleet package's package.json with the server among its devDependencies, kept in order: turbo builds
 * what that package depends on before its checks (`pnpm contract:check`) read the servers' definitions.
 */
export function withFleetMember(fleetPackageJson: string, packageName: string): string {
  const fleet = JSON.parse(fleetPackageJson) as { devDependencies?: Record<string, string> };
  const devDependencies = { ...fleet.devDependencies, [packageName]: "workspace:*" };
  fleet.devDependencies = Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(fleet, null, 2)}\n`;
}

/** Stages the fleet package's package.json with the new server in it. */
export function fleetMemberStep(job: Job, packageName: string): StepConfig {
  return step("register", async () => {
    const text = await readFleetPackage(job.root);
    await job.save(FLEET_PACKAGE);
    await job.write(FLEET_PACKAGE, withFleetMember(text, packageName));
    return FLEET_PACKAGE;
  });
}
