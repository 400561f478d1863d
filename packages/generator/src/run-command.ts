import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { stopProcessGroup } from "./process-group.js";

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  /** When aborted, the command and every process it started are stopped, then the call rejects with the abort's reason. */
  signal?: AbortSignal;
}

/** Runs a command to completion; a failure carries the command's last lines of output. */
export async function runCommand(command: string, args: string[], cwd: string, options: CommandOptions = {}): Promise<void> {
  const { env = process.env, signal } = options;
  signal?.throwIfAborted();
  // A process group of its own, so that stopping it reaches what it started (pnpm → turbo → tsc) too.
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    if (child.pid !== undefined) stopped = stopProcessGroup(child.pid);
  };
  signal?.addEventListener("abort", stop, { once: true });
  const outcome = await new Promise<string | undefined>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    child.once("close", (code, killedBy) => resolve(code === 0 ? undefined : String(code ?? killedBy)));
  });
  signal?.removeEventListener("abort", stop);
  // Stopped, it is done only once everything it started is: nothing may write after a rollback.
  await stopped;
  signal?.throwIfAborted();
  if (outcome === undefined) return;
  const lines = `${stdout().trimEnd()}\n${stderr()}`.trim().split("\n").slice(-15).join("\n");
  throw new Error(`${[command, ...args].join(" ")} failed (${outcome})${lines ? `:\n${lines}` : ""}`);
}

/** The end of what a stream carries: enough for an error message, however much the command prints. */
function tail(stream: Readable, keep = 64 * 1024): () => string {
  let text = "";
  stream.setEncoding("utf8").on("data", (chunk: string) => (text = (text + chunk).slice(-keep)));
  return () => text;
}
