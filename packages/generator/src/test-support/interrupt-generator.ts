import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";

export interface InterruptedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The commands the generator had running when the signal came (each the leader of its process group). */
  commands: number[];
}

/**
 * Runs the generator of the checkout at `root` (built) as a process of its own, and sends it `signal`
 * in the middle of its work: once it has printed `cue` and a command it started (pnpm) runs.
 */
export async function interruptGenerator(
  root: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cue: string; signal: "SIGINT" | "SIGTERM" | "SIGKILL" },
): Promise<InterruptedRun> {
  const generator = spawn(process.execPath, [join(root, "packages/generator/bin/mcp-platform-gen.js"), ...args], {
    cwd: root,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  generator.stdout.setEncoding("utf8").on("data", (chunk: string) => (output.stdout += chunk));
  generator.stderr.setEncoding("utf8").on("data", (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => generator.once("exit", resolve));
  let commands: number[] = [];
  while (commands.length === 0) {
    if (generator.exitCode !== null) throw new Error(`the generator ended before "${options.cue}":\n${output.stdout}${output.stderr}`);
    await setTimeout(20);
    if (output.stdout.includes(options.cue)) commands = childrenOf(generator.pid!);
  }
  generator.kill(options.signal);
  return { code: await exited, ...output, commands };
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    // pgrep exits 1 when it finds none.
    return [];
  }
}
