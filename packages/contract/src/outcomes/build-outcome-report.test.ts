import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineServer, defineTool } from "@mcp-platform/server";
import { SqliteActionStore } from "@mcp-platform/server/store";
import { createTestClient } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { contractOf, formatContract } from "../contract.js";
import { readContracts } from "../read-contracts.js";
import { outcomeReport } from "./build-outcome-report.js";
import type { OutcomeReport } from "./outcome-report.js";

const T0 = Date.parse("2026-05-01T10:00:00.000Z");
const MINUTE = 60_000;
const at = (offset: number) => vi.setSystemTime(T0 + offset);

function switches(name: string, replaces?: string[]) {
  let state = "off";
  return defineServer({
    name,
    version: "1.0.0",
    owner: "team-sre",
    description: "Switches",
    ...(replaces ? { replaces } : {}),
    tools: [
      defineTool({
        name: "switch",
        description: "Sets the switch",
        access: "write",
        input: z.object({ to: z.string().max(10) }),
        handler: async ({ to }, ctx) => {
          await ctx.recordUndo(state);
          state = to;
          return `switch is ${to}`;
        },
        undo: ({ undoData }) => `switch is ${(state = undoData as string)} again`,
      }),
    ],
  });
}

/** Calls `definition`'s switch through a real client on `store` (each server keeps its own file, as by default). */
async function seed(definition: ReturnType<typeof switches>, store: string, calls: { answer: "approve" | "decline"; undoAfter?: number }[]) {
  for (const { answer, undoAfter } of calls) {
    const client = await createTestClient(definition, { approvals: answer, trust: { store: new SqliteActionStore(store) } });
    const result = await client.callTool({ name: "switch", arguments: { to: "on" } });
    if (undoAfter !== undefined) {
      at(undoAfter);
      const { id } = result._meta?.["io.github.mcp-platform/action"] as { id: string };
      await client.callTool({ name: "undo_action", arguments: { action_id: id } });
    }
    await client.close();
  }
}

describe("outcomeReport over each server's own store", () => {
  let dir: string;
  let report: OutcomeReport;
  const files = () => ["alpha", "beta"].map((name) => join(dir, `${name}.sqlite`));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "outcome-report-"));
    vi.useFakeTimers({ toFake: ["Date"] });
    const alpha = switches("alpha", ["cron:rotate-keys", "webhook:pagerduty-ack"]);
    const beta = switches("beta");
    at(0);
    await seed(alpha, join(dir, "alpha.sqlite"), [{ answer: "approve", undoAfter: 2 * MINUTE }, { answer: "approve" }, { answer: "decline" }]);
    at(10 * MINUTE);
    await seed(beta, join(dir, "beta.sqlite"), [{ answer: "approve", undoAfter: 40 * MINUTE }]);
    const apps = ["alpha", "beta", "gamma"].map((name) => ({
      packageName: `@acme/${name}`,
      dir: join(dir, name),
      relativeDir: `apps/${name}`,
      contractPath: `apps/${name}/mcp-contract.json`,
    }));
    for (const [app, definition] of [alpha, beta, switches("gamma", ["cron:nightly-export"])].map((d, i) => [apps[i]!, d] as const)) {
      await mkdir(join(dir, app.relativeDir), { recursive: true });
      await writeFile(join(dir, app.contractPath), formatContract(contractOf(definition)));
    }
    const stores = files().map((file) => new SqliteActionStore(file));
    const contracts = await readContracts({ rootDir: dir, apps });
    report = await outcomeReport({
      stores: stores.map((s) => s.outcomes),
      contracts,
      since: new Date(T0 - MINUTE),
      now: new Date(T0 + 60 * MINUTE),
      undoWindowSeconds: 600,
    });
    for (const store of stores) await store.close();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it("adds up each tool into its server and the servers into the fleet, with the override rate", () => {
    expect(report.fleet).toEqual({
      approvals: { requested: 4, approved: 3, declined: 1, expired: 0, pending: 0 },
      // (1 declined + 0 expired + 2 undone) / 4 requested
      overrideRate: 0.75,
      // One undo in each store: no median spans both.
      actions: { run: 3, failed: 0, undone: 2, undoneWithinWindow: 1, medianSecondsToUndo: null },
      deprecatedCalls: 0,
      killSwitchRefusals: 0,
    });
    const alpha = report.servers.find((s) => s.server === "alpha")!;
    expect(alpha).toMatchObject({ overrideRate: 2 / 3, actions: { run: 2, undone: 1, undoneWithinWindow: 1, medianSecondsToUndo: 120 } });
    expect(alpha.tools).toEqual([expect.objectContaining({ tool: "switch", overrideRate: 2 / 3, deprecatedCallers: [] })]);
    expect(report.servers.find((s) => s.server === "beta")!.actions).toEqual({
      run: 1,
      failed: 0,
      undone: 1,
      undoneWithinWindow: 0,
      medianSecondsToUndo: 1800,
    });
  });

  it("lists every server with a contract, and the integrations each retired", () => {
    expect(report.servers.map((s) => s.server)).toEqual(["alpha", "beta", "gamma"]);
    expect(report.servers[2]).toMatchObject({ overrideRate: null, tools: [], replaces: ["cron:nightly-export"] });
    expect(report.integrationsRetired).toEqual({
      total: 3,
      servers: [
        { server: "alpha", replaces: ["cron:rotate-keys", "webhook:pagerduty-ack"] },
        { server: "gamma", replaces: ["cron:nightly-export"] },
      ],
    });
  });

  it("covers one server when asked, its median then being the fleet's", async () => {
    const stores = files().map((file) => new SqliteActionStore(file));
    const one = await outcomeReport({
      stores: stores.map((s) => s.outcomes),
      contracts: [],
      since: new Date(T0 - MINUTE),
      now: new Date(T0 + 60 * MINUTE),
      undoWindowSeconds: 600,
      server: "beta",
    });
    for (const store of stores) await store.close();
    expect(one.server).toBe("beta");
    expect(one.servers.map((s) => s.server)).toEqual(["beta"]);
    expect(one.fleet.actions.medianSecondsToUndo).toBe(1800);
  });
});
