import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Runs a command to completion; a failure carries the command's last lines of output. */
export async function runCommand(command: string, args: string[], cwd: string, env = process.env): Promise<void> {
  try {
    await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "", code } = error as { stdout?: string; stderr?: string; code?: number | string };
    const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(`${[command, ...args].join(" ")} failed (${code ?? "no exit code"})${tail ? `:\n${tail}` : ""}`, { cause: error });
  }
}
