import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OutcomeQueries, OutcomeWindow, StoreOutcomes } from "@mcp-platform/server/store";
import { buildCatalog, type Catalog } from "../catalog/catalog.js";
import { formatContract, type Contract } from "../contract.js";
import { DEFAULT_POLICY } from "../policy/policy-config.js";
import { contract, tool } from "./contracts.js";

const bounded = { type: "object", properties: { id: { type: "string", maxLength: 64 } } };
const unbounded = { type: "object", properties: { query: { type: "string" } } };

/** Two servers with every case the fleet page shows: deprecation, undo, irreversible, waivers, a failing rule, markup in text. */
export const FLEET: Contract[] = [
  contract(
    [
      tool({ name: "get_ticket", title: "Get a ticket", inputSchema: bounded }),
      tool({
        name: "find_ticket",
        title: "Find a ticket",
        inputSchema: bounded,
        deprecated: { since: "2026-01-01", sunset: "2031-01-01", replacement: "get_ticket", reason: "Renamed." },
      }),
      tool({ name: "close_ticket", title: "Close a ticket", access: "write", inputSchema: bounded, plan: true, undo: true }),
      tool({
        name: "purge_tickets",
        title: "Purge closed tickets",
        access: "destructive",
        inputSchema: bounded,
        plan: true,
        undo: false,
        irreversible: "the archive deletes for good",
      }),
      tool({
        name: "search_tickets",
        title: "Search tickets",
        inputSchema: unbounded,
        waivers: [
          { rule: "inputs.unbounded", reason: "the search API caps queries at 1 KiB", expires: "2031-06-30" },
          { rule: "inputs.unbounded", reason: "old waiver", expires: "2020-01-01" },
        ],
      }),
    ],
    { name: "tickets", owner: "team-support", description: "Support tickets <b>& more</b>.", replaces: ["cron:close-stale-tickets", "webhook:zendesk-sync"] },
  ),
  contract(
    [
      tool({ name: "get_invoice", title: "Get an invoice", inputSchema: bounded }),
      tool({ name: "refund", title: "Refund an invoice", access: "write", inputSchema: bounded, plan: false, undo: true }),
    ],
    {
      name: "billing",
      owner: "team-billing",
      description: "Invoices.",
    },
  ),
];

/** A workspace in a temporary folder with `FLEET` committed as its apps' contracts, and its catalog. */
export async function fleetCatalog(): Promise<{ catalog: Catalog; remove: () => Promise<void> }> {
  const rootDir = await mkdtemp(join(tmpdir(), "fleet-"));
  const apps = await Promise.all(
    FLEET.map(async (server) => {
      await mkdir(join(rootDir, "apps", server.name), { recursive: true });
      await writeFile(join(rootDir, "apps", server.name, "mcp-contract.json"), formatContract(server));
      const relativeDir = `apps/${server.name}`;
      return { packageName: `@acme/${server.name}`, dir: join(rootDir, relativeDir), relativeDir, contractPath: `${relativeDir}/mcp-contract.json` };
    }),
  );
  const catalog = await buildCatalog({ rootDir, apps }, DEFAULT_POLICY);
  return { catalog, remove: () => rm(rootDir, { recursive: true, force: true }) };
}

/** A store whose figures grow with the day a window starts on, so each period of a chart differs; it keeps the windows it was asked for. */
export function fakeOutcomeStore(): OutcomeQueries & { windows: OutcomeWindow[] } {
  const windows: OutcomeWindow[] = [];
  return {
    windows,
    read: (window) => {
      windows.push(window);
      const day = new Date(window.since).getUTCDate();
      const outcomes: StoreOutcomes = {
        tools: [
          {
            server: "tickets",
            tool: "close_ticket",
            approvals: { requested: day, approved: day - 1, declined: 1, expired: 0, pending: 0 },
            actions: { run: day - 1, failed: 0, undone: day % 3, undoneWithinWindow: day % 2 },
            killSwitchRefusals: 0,
          },
        ],
        undoMedians: [],
        deprecatedCalls: [{ server: "tickets", tool: "find_ticket", subject: "agent-7", calls: day % 4, lastCallAt: window.now, sunset: "2031-01-01" }],
      };
      return Promise.resolve(outcomes);
    },
  };
}
