import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contractOf, formatContract } from "@mcp-platform/contract";
import type { OutcomeReport } from "@mcp-platform/contract/outcomes";
import { defineServer, defineTool, type ServerDefinition } from "@mcp-platform/server";
import { defaultStorePath, SqliteActionStore } from "@mcp-platform/server/store";
import { createTestClient } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../run.js";

const home = process.env.MCP_PLATFORM_HOME!;
let workspace: string;

const server = (name: string, replaces: string[]) =>
  defineServer({
    name,
    version: "1.0.0",
    owner: "team-sre",
    description: "Flips a switch",
    replaces,
    tools: [defineTool({ name: "flip", description: "Flips the switch", access: "write", handler: () => "flipped" })],
  });

/** A workspace with the server as an app, its contract committed, as `pnpm contract:update` leaves it. */
async function addApp(definition: ServerDefinition) {
  const dir = join(workspace, "apps", definition.name);
  await mkdir(join(dir, "src"), { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: `@acme/${definition.name}`, version: "1.0.0" }));
  await writeFile(join(dir, "src/server.ts"), "");
  await writeFile(join(dir, "mcp-contract.json"), formatContract(contractOf(definition)));
}

/** Real calls through the server, into the store file it uses by default under the platform home. */
async function call(definition: ServerDefinition, approvals: "approve" | "decline") {
  const client = await createTestClient(definition, { approvals, trust: { store: new SqliteActionStore(defaultStorePath(home, definition.name)) } });
  await client.callTool({ name: "flip", arguments: {} });
  await client.close();
}

async function outcomes(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { MCP_PLATFORM_HOME: home, MCP_PLATFORM_NOW: new Date(Date.now() + 60_000).toISOString() };
  const code = await run(["outcomes", ...args], { cwd: workspace, env, out: (text) => void out.push(text), err: (text) => void err.push(text) });
  return { code, out: out.join("\n"), err };
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "outcomes-cli-"));
  await writeFile(join(workspace, "package.json"), JSON.stringify({ name: "fleet", private: true }));
  await writeFile(join(workspace, "pnpm-workspace.yaml"), "packages:\n  - apps/*\n");
  const [north, south] = [server("north", ["cron:flip-north"]), server("south", ["cron:flip-south", "webhook:flip"])];
  await addApp(north);
  await addApp(south);
  await call(north, "approve");
  await call(north, "decline");
  await call(south, "approve");
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

describe("mcp-platform outcomes", () => {
  it("reads every server's own store and the contracts, as JSON", async () => {
    const { code, out, err } = await outcomes("--format", "json", "--since", "1d", "--undo-window", "10m");
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const report = JSON.parse(out) as OutcomeReport;
    expect(report.undoWindowSeconds).toBe(600);
    expect(Date.parse(report.generatedAt) - Date.parse(report.since)).toBe(86_400_000);
    expect(report.servers.map((s) => [s.server, s.approvals.requested, s.approvals.declined, s.actions.run])).toEqual([
      ["north", 2, 1, 1],
      ["south", 1, 0, 1],
    ]);
    expect(report.fleet.overrideRate).toBeCloseTo(1 / 3);
    expect(report.integrationsRetired.total).toBe(3);
  });

  it("covers one server with --server, as a table by default", async () => {
    const { code, out } = await outcomes("--server", "south");
    expect(code).toBe(0);
    expect(out).toMatch(/^Outcomes of south from /);
    expect(out).toMatch(/^ {2}flip +1 +1 +0 +0 +0 +0% +1 /m);
    expect(out).not.toContain("north");
    expect(out).toContain("Integrations retired: 2\n  south: cron:flip-south, webhook:flip");
  });

  it("writes a page with --format html", async () => {
    const { out } = await outcomes("--format", "html");
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain('<tr class="server"><td>north</td><td>2</td><td>1</td><td>1</td>');
  });

  it.each([
    [["--since", "30 days"], 'mcp-platform outcomes: --since must be a length of time such as 30d, 12h, 90m or 45s (got "30 days")'],
    [["--undo-window", "0h"], 'mcp-platform outcomes: --undo-window must be a length of time such as 30d, 12h, 90m or 45s (got "0h")'],
    [["--format", "pdf"], 'mcp-platform outcomes: --format must be table, json or html (got "pdf")'],
    [["--server", "east"], 'mcp-platform outcomes: no server named "east" (servers: north, south)'],
  ])("refuses %j in one line", async (args, line) => {
    expect(await outcomes(...args)).toEqual({ code: 1, out: "", err: [line] });
  });
});
