import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { contractOf, formatContract } from "@mcp-platform/contract";
import { defineServer, defineTool } from "@mcp-platform/server";
import { SqliteActionStore } from "@mcp-platform/server/store";
import { createTestClient } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../run.js";

const switches = defineServer({
  name: "switches",
  version: "1.0.0",
  owner: "team-sre",
  description: "Flips a switch",
  tools: [defineTool({ name: "flip", description: "Flips the switch", access: "write", plan: () => "flips the switch", handler: () => "flipped" })],
});
let workspace: string;
const store = () => join(workspace, "store.sqlite");

async function catalog(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { MCP_PLATFORM_HOME: join(workspace, ".mcp-platform"), MCP_PLATFORM_NOW: new Date(Date.now() + 60_000).toISOString() };
  const code = await run(["catalog", ...args], { cwd: workspace, env, out: (text) => void out.push(text), err: (text) => void err.push(text) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "catalog-cli-"));
  await writeFile(join(workspace, "package.json"), JSON.stringify({ name: "fleet", private: true }));
  await writeFile(join(workspace, "pnpm-workspace.yaml"), "packages:\n  - apps/*\n");
  const app = join(workspace, "apps/switches");
  await mkdir(join(app, "src"), { recursive: true });
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "@acme/switches", version: "1.0.0" }));
  await writeFile(join(app, "src/server.ts"), "");
  await writeFile(join(app, "mcp-contract.json"), formatContract(contractOf(switches)));
  // Real calls through the trust boundary: one approved, one declined.
  for (const approvals of ["approve", "decline"] as const) {
    const client = await createTestClient(switches, { approvals, trust: { store: new SqliteActionStore(store()) } });
    await client.callTool({ name: "flip", arguments: {} });
    await client.close();
  }
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

describe("mcp-platform catalog", () => {
  it("writes the fleet page with the catalog, and with --store a copy with the store's outcomes charted", async () => {
    expect(await catalog("--check")).toMatchObject({ code: 1, err: expect.stringContaining("catalog.json, CATALOG.md, CODEOWNERS, fleet.html") });
    const out = join(workspace, "public/fleet.html");
    const result = await catalog("--store", "store.sqlite", "--out", "public/fleet.html");
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(
      /^wrote catalog.json, CATALOG.md, CODEOWNERS, fleet.html\nwrote .*public\/fleet.html: the fleet page with outcomes since \d{4}-\d{2}-\d{2}$/,
    );
    const withOutcomes = await readFile(out, "utf8");
    expect(withOutcomes).toContain("2 approvals asked, override rate 50%, 1 actions run, 0 undone");
    expect(withOutcomes.match(/<svg\b/g)).toHaveLength(8);
    const committed = await readFile(join(workspace, "fleet.html"), "utf8");
    expect(committed).toContain('<tr class="tool-row" id="switches-flip"');
    expect(committed).not.toContain("Outcomes");
    expect(await catalog("--check")).toEqual({ code: 0, out: "", err: "" });
  });

  it("finds a fleet page edited by hand out of date", async () => {
    await writeFile(join(workspace, "fleet.html"), "<p>hand-made</p>\n");
    expect(await catalog("--check")).toEqual({ code: 1, out: "", err: "The catalog is out of date: fleet.html.\n  fix: pnpm catalog, then commit fleet.html" });
  });

  it("with --outcomes reads the stores the servers use, as mcp-platform outcomes does", async () => {
    const serverStore = join(workspace, ".mcp-platform/store/switches.sqlite");
    await mkdir(dirname(serverStore), { recursive: true });
    const client = await createTestClient(switches, { approvals: "approve", trust: { store: new SqliteActionStore(serverStore) } });
    await client.callTool({ name: "flip", arguments: {} });
    await client.close();
    const result = await catalog("--outcomes", "--out", "public/with-outcomes.html");
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(await readFile(join(workspace, "public/with-outcomes.html"), "utf8")).toContain("1 approvals asked, override rate 0%, 1 actions run, 0 undone");
  });

  it("refuses a bad --since before writing anything", async () => {
    await writeFile(join(workspace, "fleet.html"), "<p>stale</p>\n");
    expect(await catalog("--outcomes", "--since", "a week")).toEqual({
      code: 1,
      out: "",
      err: 'mcp-platform catalog: --since must be a length of time such as 30d, 12h, 90m or 45s (got "a week")',
    });
    expect(await readFile(join(workspace, "fleet.html"), "utf8")).toBe("<p>stale</p>\n");
  });

  it("says so in one line when the store named does not exist", async () => {
    const result = await catalog("--store", "missing.sqlite");
    expect(result.code).toBe(1);
    expect(result.err).toBe("mcp-platform catalog: no action store there: servers create theirs on their first start");
  });
});
