import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freePort, waitUntil } from "@mcp-platform/testing";

export interface Registry {
  url: string;
  /** An npmrc with the registry and a publish token, for `npm_config_userconfig`. */
  npmrc: string;
  stop(): Promise<void>;
}

/**
 * A real Verdaccio on 127.0.0.1 with its storage in a temporary directory. `@mcp-platform/*` lives
 * only here; everything else is proxied from `uplink`, so packages installed back resolve their
 * third-party dependencies.
 */
export async function startVerdaccio(uplink: string): Promise<Registry> {
  const dir = await mkdtemp(join(tmpdir(), "verdaccio-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  await writeFile(join(dir, "config.yaml"), config(dir, uplink));
  const bin = join(dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")), "bin/verdaccio");
  const child = spawn(process.execPath, [bin, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill();
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, () => log);
    const token = await addUser(url);
    const npmrc = join(dir, "npmrc");
    await writeFile(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, npmrc, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function config(dir: string, uplink: string): string {
  return [
    `storage: ${JSON.stringify(join(dir, "storage"))}`,
    "auth:",
    `  htpasswd: { file: ${JSON.stringify(join(dir, "htpasswd"))}, max_users: 10 }`,
    `uplinks: { upstream: { url: ${JSON.stringify(uplink)}, timeout: 60s } }`,
    "packages:",
    '  "@mcp-platform/*": { access: $all, publish: $authenticated }',
    '  "**": { access: $all, publish: $authenticated, proxy: upstream }',
    "log: { type: stdout, format: pretty, level: warn }",
    "",
  ].join("\n");
}

async function waitUntilUp(url: string, log: () => string): Promise<void> {
  const up = () =>
    fetch(`${url}-/ping`).then(
      (response) => response.ok || undefined,
      () => undefined,
    );
  await waitUntil(up, { timeoutMs: 30_000, intervalMs: 100, timedOut: () => new Error(`Verdaccio did not start:\n${log()}`) });
}

/** Registers the publishing user (the npm `adduser` call) and returns its token. */
async function addUser(url: string): Promise<string> {
  const response = await fetch(`${url}-/user/org.couchdb.user:release`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release", password: "release-password" }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (!token) throw new Error(`Verdaccio refused to add the publishing user (HTTP ${response.status})`);
  return token;
}
