import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { startLockfileRegistry } from "@mcp-platform/test-services";
import { runCommand } from "../run-command.js";
import { scratchClone } from "../scratch-clone.js";

/** A fresh clone of the committed kit to run the generator in for real, and what a test does there. */
export interface KitClone {
  root: string;
  /** The environment its commands run with. */
  env: NodeJS.ProcessEnv;
  /** Runs a command in the clone; rejects with its last lines of output when it fails. */
  sh(command: string, ...args: string[]): Promise<void>;
  /** Runs git in the clone (an identity set) and resolves with its output. */
  git(...args: string[]): Promise<string>;
  /** Runs a command in the clone and resolves with its exit code and output, whatever the code. */
  run(command: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  read(path: string): string;
  remove(): Promise<void>;
}

/**
 * The clone's own vitest must not write this run's report, so the test runner's variables are
 * dropped. Its pnpm resolves a new server's dependencies against a registry on loopback that knows
 * only the lockfile's packages (with a metadata cache of its own) and takes them from the local
 * store: no network, and the versions the rest of the workspace uses.
 */
export async function kitClone(): Promise<KitClone> {
  const kit = await scratchClone();
  const registry = await startLockfileRegistry(join(kit.root, "pnpm-lock.yaml")).catch(async (error: unknown) => {
    await kit.remove();
    throw error;
  });
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  Object.assign(env, { TURBO_TELEMETRY_DISABLED: "1", npm_config_registry: registry.url, npm_config_cache_dir: join(kit.root, "..", "pnpm-metadata") });
  const identity = ["-c", "user.name=e2e", "-c", "user.email=e2e@example.com"];
  const run = (command: string, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(command, args, { cwd: kit.root, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      });
    });
  return {
    root: kit.root,
    env,
    sh: (command, ...args) => runCommand(command, args, kit.root, { env }),
    git: async (...args) => (await promisify(execFile)("git", [...identity, ...args], { cwd: kit.root })).stdout,
    run,
    read: (path) => readFileSync(join(kit.root, path), "utf8"),
    remove: async () => {
      await registry.close();
      await kit.remove();
    },
  };
}
