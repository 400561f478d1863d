import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface ServerProcess {
  child: ChildProcess;
  /** The URL the server logged it listens on. */
  url: string;
  /** Everything the process wrote to stderr so far (its JSON log lines). */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts a built server entry (`dist/index.js`) as a real process over HTTP on a free loopback port
 * and waits until it logs its URL.
 */
export async function startServerProcess(entry: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 15_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, MCP_TRANSPORT: "http", HOST: "127.0.0.1", PORT: "0", MCP_AUTH: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    createInterface({ input: child.stderr! }).on("line", (line) => {
      stderr += `${line}\n`;
      const match = /"url":"(http:[^"]+)"/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before listening:\n${stderr}`));
    });
  });
  return {
    child,
    url,
    stderr: () => stderr,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
