import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIT_ROOT } from "./templates.js";

/**
 * What a team does first, in a fresh clone of the committed kit: `pnpm gen server`, then
 * `pnpm gen tool`, each followed by every check CI runs on that server, and a real MCP client.
 */
const clone = join(mkdtempSync(join(tmpdir(), "mcp-platform-gen-e2e-")), "kit");
const SERVER = "e2e-check";
const run = promisify(execFile);
// The clone's own vitest must not write this run's report; its pnpm installs from the local store.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
Object.assign(env, { npm_config_offline: "true", TURBO_TELEMETRY_DISABLED: "1", MCP_PLATFORM_HOME: join(clone, ".mcp-platform") });

async function sh(command: string, ...args: string[]): Promise<string> {
  try {
    return (await run(command, args, { cwd: clone, env, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout}\n${stderr}`.slice(-4000), { cause: error });
  }
}

const read = (path: string) => readFileSync(join(clone, path), "utf8");

async function expectGreen(tools: string[]): Promise<void> {
  await sh("pnpm", "turbo", "run", "build", "lint", "typecheck", `--filter=@mcp-platform/${SERVER}`, "--output-logs=errors-only");
  await sh("pnpm", "vitest", "run", "--project", `apps/${SERVER}`);
  await sh("pnpm", "contract:check");
  await sh("pnpm", "catalog", "--check");
  const contract = JSON.parse(read(`apps/${SERVER}/mcp-contract.json`)) as { tools: { name: string }[] };
  expect(contract.tools.map((tool) => tool.name)).toEqual(tools);

  const client = new Client({ name: "e2e", version: "0" });
  const entry = join(clone, "apps", SERVER, "dist/index.js");
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [entry], env: { MCP_PLATFORM_HOME: env.MCP_PLATFORM_HOME! }, stderr: "ignore" }));
  try {
    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(tools);
    const result = await client.callTool({ name: tools[0]!, arguments: { text: "over stdio" } });
    expect(result.structuredContent).toEqual({ text: "over stdio" });
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  await run("git", ["clone", "--quiet", KIT_ROOT, clone]);
  // Turbo's cache is content-addressed: the builds of unchanged packages are restored, not redone.
  const cache = join(KIT_ROOT, ".turbo/cache");
  if (existsSync(cache)) await cp(cache, join(clone, ".turbo/cache"), { recursive: true });
  await sh("pnpm", "install", "--offline", "--frozen-lockfile");
}, 300_000);

afterAll(() => rmSync(join(clone, ".."), { recursive: true, force: true }));

describe("a generated server, in a fresh clone", { timeout: 600_000 }, () => {
  it("pnpm gen server: builds, lints, typechecks, passes its tests and the contract check, and serves its tool", async () => {
    await sh("pnpm", "gen", "server", "--name", SERVER, "--owner", "team-e2e", "--description", "The generator's end-to-end check.");
    await expectGreen(["get_e2e_check"]);
    expect(read("CODEOWNERS")).toContain(`/apps/${SERVER}/ @team-e2e`);
    expect(read(`.changeset/add-server-${SERVER}.md`)).toContain(`"@mcp-platform/${SERVER}": minor`);
  });

  it("pnpm gen tool: the new tool is registered, in the contract and served, and everything stays green", async () => {
    await sh("pnpm", "gen", "tool", "--server", SERVER, "--name", "post_note", "--access", "write", "--description", "Posts a note.");
    await expectGreen(["get_e2e_check", "post_note"]);
    expect(read(`apps/${SERVER}/mcp-contract.json`)).toContain('"readOnlyHint": false');
  });
});
