import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port.js";
import { waitUntil } from "./wait-until.js";

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  /** Everything the process wrote to stderr so far (its JSON log lines). */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The settings of a server process that checks real tokens from `issuer` (a dev issuer, in tests)
 * for its own URL, keeps its state in `home` and exports no telemetry, plus `more`: for
 * `startServerProcess`.
 */
export function checkingTokensFrom(issuer: string, home: string, more: NodeJS.ProcessEnv = {}): (url: string) => NodeJS.ProcessEnv {
  return (url) => ({ MCP_AUTH: "on", MCP_AUTH_ISSUER: issuer, MCP_AUTH_AUDIENCE: url, MCP_PLATFORM_HOME: home, OTEL_SDK_DISABLED: "true", ...more });
}

/**
 * Starts a built server entry (`dist/index.js`) as a real process serving HTTP on a free loopback
 * port, and resolves once its `/readyz` answers 200. `env` may be a function of the server's URL,
 * for settings that must name it (`MCP_AUTH_AUDIENCE`).
 */
export async function startServerProcess(
  entry: string,
  env: NodeJS.ProcessEnv | ((url: string) => NodeJS.ProcessEnv) = {},
  timeoutMs = 15_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/mcp`;
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, MCP_TRANSPORT: "http", HOST: "127.0.0.1", PORT: String(port), MCP_AUTH: "off", ...(typeof env === "function" ? env(url) : env) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (exitCode !== undefined) throw new Error(`${entry} exited with ${exitCode} before it was ready:\n${stderr}`);
      const ready = await fetch(`${origin}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      return ready || undefined;
    },
    {
      timeoutMs,
      intervalMs: 25,
      timedOut: () => {
        child.kill("SIGKILL");
        return new Error(`${entry} was not ready within ${timeoutMs} ms:\n${stderr}`);
      },
    },
  );
  return {
    child,
    url,
    stderr: () => stderr,
    exited,
    async stop(signal = "SIGTERM") {
      if (exitCode === undefined) child.kill(signal);
      return exited;
    },
  };
}
