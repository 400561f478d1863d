import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "@mcp-platform/testing";

export interface RunningContender {
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
  /** Milliseconds from spawn to the first successful `tools/list` answer. */
  coldStartMs: number;
  stop(): Promise<void>;
}

/**
 * Starts a server pinned to `cpu` (taskset) on a free loopback port and waits for its first
 * `tools/list` answer, which also measures its cold start.
 */
export async function spawnServer(
  entry: string,
  setup: (url: string) => Promise<{ env: NodeJS.ProcessEnv; headers: Record<string, string> }>,
  cpu: number | undefined,
  /** Flags for node itself, and an IPC channel to the server (the soak run's heap probe). */
  node: { args: string[]; ipc: boolean } = { args: [], ipc: false },
): Promise<RunningContender> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/mcp`;
  const { env, headers } = await setup(url);
  const nodeCommand = [process.execPath, ...node.args, entry];
  const command = cpu === undefined ? nodeCommand : ["taskset", "-c", String(cpu), ...nodeCommand];
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: node.ipc ? ["ignore", "ignore", "inherit", "ipc"] : ["ignore", "ignore", "inherit"],
  });
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    const ok = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body,
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > 20_000) throw new Error(`${entry} did not answer tools/list within 20 s`);
    await sleep(2);
  }
  const coldStartMs = performance.now() - started;
  return {
    child,
    url,
    headers,
    coldStartMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
