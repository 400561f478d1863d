import { execFile } from "node:child_process";
import { once } from "node:events";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { startServerProcess } from "@mcp-platform/test-services";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as LegacyStdioTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupRuns } from "./process-group.js";
import { interruptGenerator } from "./test-support/interrupt-generator.js";
import { kitClone, type KitClone } from "./test-support/kit-clone.js";

/**
 * What a team does first, in a fresh clone of the committed kit: `pnpm gen server`, then
 * `pnpm gen tool`, each followed by every check CI runs on that server, and a real MCP client.
 * Each is first interrupted half-way, which must leave nothing behind.
 */
const SERVER = "e2e-check";
const GEN_SERVER = [
  ...["server", "--name", SERVER, "--owner", "team-e2e", "--description", "The generator's end-to-end check."],
  ...["--tool-description", "Returns one item of the e2e check's API by its id."],
];
const GEN_TOOL = ["tool", "--server", SERVER, "--name", "post_note", "--access", "write", "--description", "Posts a note."];
let kit: KitClone;
/** The upstream API the generated read tool calls (`E2E_CHECK_API_URL`): one item. */
const ITEM = { id: "item-1", name: "First item", status: "active" };
const upstream = createServer((request, response) => {
  const found = request.method === "GET" && request.url === `/items/${ITEM.id}`;
  response.writeHead(found ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(found ? ITEM : { error: "not found" }));
});

/** Interrupts the generator once `cue` is printed and a command it started runs; nothing may be left of the run. */
async function expectInterruptedCleanly(args: string[], cue: string, signal: "SIGINT" | "SIGTERM", exitCode: number): Promise<void> {
  const run = await interruptGenerator(kit.root, args, { env: kit.env, cue, signal });
  expect(run, run.stdout).toMatchObject({ code: exitCode, stderr: `✖ interrupted by ${signal}: rolled back, nothing this run wrote is left\n` });
  expect(run.commands.filter(groupRuns)).toEqual([]);
  expect(await kit.git("status", "--porcelain", "--untracked-files=all")).toBe("");
}

/** `tools` are the server's own (its contract); `listed` what tools/list shows, with the kit's undo tools. */
async function expectGreen(tools: string[], listed = tools): Promise<void> {
  await kit.sh("pnpm", "turbo", "run", "build", "lint", "typecheck", `--filter=@mcp-platform/${SERVER}`, "--output-logs=errors-only");
  await expectOwnTestsCached();
  await kit.sh("pnpm", "exec", "prettier", "--check", `apps/${SERVER}`);
  await kit.sh("pnpm", "contract:check");
  await kit.sh("pnpm", "catalog", "--check");
  const contract = JSON.parse(kit.read(`apps/${SERVER}/mcp-contract.json`)) as { tools: { name: string }[] };
  expect(contract.tools.map((tool) => tool.name)).toEqual(tools);

  // Over stdio, a 2026-07-28 client (it probes with server/discover) and a 2025-11-25 one (initialize).
  const entry = join(kit.root, "apps", SERVER, "dist/index.js");
  const apiUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const spawn = {
    command: process.execPath,
    args: [entry],
    env: { MCP_PLATFORM_HOME: join(kit.root, ".mcp-platform"), E2E_CHECK_API_URL: apiUrl },
    stderr: "ignore" as const,
  };
  const modern = new Client({ name: "e2e", version: "0" }, { versionNegotiation: { mode: "auto" } });
  await modern.connect(new StdioClientTransport(spawn));
  const legacy = new LegacyClient({ name: "e2e", version: "0" });
  await legacy.connect(new LegacyStdioTransport(spawn));
  try {
    expect(modern.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    for (const client of [modern, legacy]) {
      expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(listed);
      const result = await client.callTool({ name: tools[0]!, arguments: { id: ITEM.id } });
      expect(result.structuredContent).toEqual(ITEM);
      const unknown = await client.callTool({ name: tools[0]!, arguments: { id: "item-9" } });
      expect(unknown).toMatchObject({ isError: true, content: [{ text: 'No item "item-9".' }] });
    }
  } finally {
    await Promise.all([modern.close(), legacy.close()]);
  }
}

/** `turbo run test --filter=<server>`, as a team runs its tests: that server's test files only, and a cache hit the second time. */
async function expectOwnTestsCached(): Promise<void> {
  const turboTest = async () => {
    const { stdout } = await promisify(execFile)("pnpm", ["turbo", "run", "test", `--filter=@mcp-platform/${SERVER}`], {
      cwd: kit.root,
      env: kit.env,
      maxBuffer: 64 << 20,
    });
    return stripVTControlCharacters(stdout);
  };
  const files = readdirSync(join(kit.root, "apps", SERVER, "src"), { recursive: true }).filter((name) => String(name).endsWith(".test.ts")).length;
  const first = await turboTest();
  expect(new Set([...first.matchAll(/^(\S+):test: /gm)].map((match) => match[1]))).toEqual(new Set([`@mcp-platform/${SERVER}`]));
  expect(first).toMatch(new RegExp(`Test Files +${files} passed \\(${files}\\)`));
  const second = await turboTest();
  expect(second).toContain(`@mcp-platform/${SERVER}:test: cache hit`);
}

/** The official conformance suite's 2026-07-28 checks that apply to any server (the rest need its own fixtures). */
async function expectConformant(): Promise<void> {
  const suite = join(dirname(createRequire(import.meta.url).resolve("@modelcontextprotocol/conformance/package.json")), "dist/index.js");
  const server = await startServerProcess(join(kit.root, "apps", SERVER, "dist/index.js"), { OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" });
  try {
    for (const scenario of ["tools-list", "dns-rebinding-protection", "server-sse-multiple-streams"]) {
      const args = [suite, "server", "--url", server.url, "--scenario", scenario, "--spec-version", "2026-07-28"];
      const { stdout } = await promisify(execFile)(process.execPath, args, { timeout: 60_000 });
      expect(stdout, `${scenario}:\n${stdout}`).toMatch(/Passed: (\d+)\/\1, 0 failed, 0 warnings/);
    }
  } finally {
    await server.stop();
  }
}

beforeAll(async () => {
  upstream.listen(0, "127.0.0.1");
  await once(upstream, "listening");
  kit = await kitClone();
}, 300_000);
afterAll(async () => {
  upstream.close();
  await kit.remove();
});

describe("a generated server, in a fresh clone", { timeout: 600_000 }, () => {
  it("pnpm gen server, interrupted (SIGINT) while pnpm install runs: stops it, puts everything back, exits 130", async () => {
    await kit.sh("pnpm", "turbo", "run", "build", "--filter=@mcp-platform/generator", "--output-logs=errors-only");
    await expectInterruptedCleanly(GEN_SERVER, "✔ place", "SIGINT", 130);
  });

  it("pnpm gen server (again): builds, lints, typechecks, passes its tests and the contract check, and serves its tool", async () => {
    await kit.sh("pnpm", "gen", ...GEN_SERVER);
    // Its install adds the new server's entries to the lockfile and changes no other package's, whose builds stay cached.
    expect((await kit.git("diff", "--numstat", "--", "pnpm-lock.yaml")).trim()).toMatch(/^[1-9]\d*\t0\tpnpm-lock.yaml$/);
    await expectGreen(["get_e2e_check"]);
    await expectConformant();
    expect(kit.read("CODEOWNERS")).toContain(`/apps/${SERVER}/ @team-e2e`);
    expect(kit.read(`.changeset/add-server-${SERVER}.md`)).toContain(`"@mcp-platform/${SERVER}": minor`);
  });

  it("pnpm gen tool, interrupted (SIGTERM) while the catalog is written: the server and its contract as they were, exits 143", async () => {
    await kit.git("add", "--all");
    await kit.git("commit", "--quiet", "--message", "the generated server");
    await expectInterruptedCleanly(GEN_TOOL, "✔ contract", "SIGTERM", 143);
  });

  it("pnpm gen tool (again): the new tool is registered, in the contract and served, and everything stays green", async () => {
    await kit.sh("pnpm", "gen", ...GEN_TOOL);
    await expectGreen(["get_e2e_check", "post_note"], ["get_e2e_check", "list_actions", "post_note", "undo_action"]);
    expect(kit.read(`apps/${SERVER}/mcp-contract.json`)).toContain('"readOnlyHint": false');
  });

  it("turbo gen server: a bad answer is refused with pnpm gen's message, and nothing is written", async () => {
    await kit.git("add", "--all");
    await kit.git("commit", "--quiet", "--message", "the generated tool");
    const refusal = 'owner "platform" must have the form team-<kebab-case>, e.g. team-billing';
    const answers = ["billing", "platform", "Billing operations.", "http", "read", "get_invoice", "Reads one invoice by its id."];
    const viaTurbo = await kit.run("pnpm", "exec", "turbo", "gen", "server", "--args", ...answers);
    expect(stripVTControlCharacters(viaTurbo.stdout + viaTurbo.stderr)).toContain(refusal);
    const flags = ["--name", "billing", "--owner", "platform", "--description", "Billing operations.", "--tool-description", "Reads one invoice by its id."];
    const viaPnpm = await kit.run("pnpm", "gen", "server", ...flags);
    expect(viaPnpm).toMatchObject({ code: 1, stderr: expect.stringContaining(`✖ ${refusal}\n`) as string });
    expect(await kit.git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("turbo gen tool: the same plopfile registers the tool, and writes its contract, the catalog and a changeset", async () => {
    const added = await kit.run("pnpm", "exec", "turbo", "gen", "tool", "--args", SERVER, "count_notes", "read", "Counts the notes of one item.");
    expect(stripVTControlCharacters(added.stdout), added.stderr).toContain(">>> Success!");
    const contract = JSON.parse(kit.read(`apps/${SERVER}/mcp-contract.json`)) as { tools: { name: string }[] };
    expect(contract.tools.map((tool) => tool.name)).toEqual(["count_notes", "get_e2e_check", "post_note"]);
    expect(kit.read(`apps/${SERVER}/src/server.ts`)).toContain('from "./tools/count-notes.js"');
    expect(kit.read("catalog.json")).toContain('"count_notes"');
    expect(kit.read(`.changeset/add-tool-${SERVER}-count-notes.md`)).toContain(`"@mcp-platform/${SERVER}": minor`);
  });
});
