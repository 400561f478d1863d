import type { OutcomeQueries, OutcomeWindow, StoreOutcomes, UndoMedian } from "@mcp-platform/server/store";
import type { Contract } from "../contract.js";
import { addCounts, figures, noCounts, type Counts } from "./figures.js";
import type { DeprecatedCaller, OutcomeReport, ServerOutcome } from "./outcome-report.js";

export interface OutcomeReportInput {
  /** Every store the servers write to: one PostgreSQL database, or each server's SQLite file. */
  stores: readonly OutcomeQueries[];
  /** The servers' contracts, where each declares the integrations it `replaces`. */
  contracts: readonly Pick<Contract, "name" | "replaces">[];
  since: Date;
  now: Date;
  undoWindowSeconds: number;
  /** Only this server. */
  server?: string;
}

interface ToolRecords {
  counts: Counts;
  callers: DeprecatedCaller[];
}

/** The outcome report: the stores' aggregates, added up per tool, server and fleet. */
export async function outcomeReport(input: OutcomeReportInput): Promise<OutcomeReport> {
  const { since, now, undoWindowSeconds, server } = input;
  const window: OutcomeWindow = { since: since.toISOString(), now: now.toISOString(), undoWindowSeconds, ...(server ? { server } : {}) };
  const results = await Promise.all(input.stores.map((store) => store.read(window)));
  const median = medians(results.flatMap((result) => result.undoMedians));
  const contracts = input.contracts.filter((contract) => server === undefined || contract.name === server);
  const byServer = toolRecords(results);
  for (const contract of contracts) if (!byServer.has(contract.name)) byServer.set(contract.name, new Map());
  const replaces = new Map(contracts.map((contract) => [contract.name, contract.replaces ?? []]));
  const servers = [...byServer.keys()].sort().map((name): ServerOutcome => {
    const tools = [...byServer.get(name)!].sort(([a], [b]) => a.localeCompare(b));
    const total = tools.reduce((sum, [, records]) => addCounts(sum, records.counts), noCounts());
    return {
      server: name,
      ...figures(total, median(name)),
      replaces: replaces.get(name) ?? [],
      tools: tools.map(([tool, { counts, callers }]) => ({ tool, ...figures(counts, median(name, tool)), deprecatedCallers: callers })),
    };
  });
  const retired = servers.filter((s) => s.replaces.length > 0).map((s) => ({ server: s.server, replaces: s.replaces }));
  return {
    generatedAt: window.now,
    since: window.since,
    undoWindowSeconds,
    ...(server ? { server } : {}),
    fleet: figures(
      servers.reduce((sum, s) => addCounts(sum, s), noCounts()),
      median(),
    ),
    servers,
    integrationsRetired: { total: retired.reduce((sum, s) => sum + s.replaces.length, 0), servers: retired },
  };
}

function toolRecords(results: StoreOutcomes[]): Map<string, Map<string, ToolRecords>> {
  const servers = new Map<string, Map<string, ToolRecords>>();
  const entry = (server: string, tool: string) => {
    const tools = servers.get(server) ?? servers.set(server, new Map()).get(server)!;
    return tools.get(tool) ?? tools.set(tool, { counts: noCounts(), callers: [] }).get(tool)!;
  };
  for (const result of results) {
    for (const { server, tool, ...counts } of result.tools) {
      const records = entry(server, tool);
      records.counts = addCounts(records.counts, counts);
    }
    for (const { server, tool, subject, calls, lastCallAt, sunset } of result.deprecatedCalls) {
      const records = entry(server, tool);
      records.counts = addCounts(records.counts, { deprecatedCalls: calls });
      records.callers.push({ subject, calls, lastCallAt, sunset });
    }
  }
  for (const tools of servers.values())
    for (const records of tools.values()) records.callers.sort((a, b) => b.calls - a.calls || a.subject.localeCompare(b.subject));
  return servers;
}

/**
 * Medians do not add up: a median is known only where one store holds all the undos it covers
 * (always so for a tool and a server; for the fleet, when the undos are in one store).
 */
function medians(rows: UndoMedian[]): (server?: string, tool?: string) => number | null {
  const found = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.server ?? ""}\u0000${row.tool ?? ""}`;
    found.set(key, [...(found.get(key) ?? []), row.seconds]);
  }
  return (server, tool) => {
    const seconds = found.get(`${server ?? ""}\u0000${tool ?? ""}`) ?? [];
    return seconds.length === 1 ? seconds[0]! : null;
  };
}
