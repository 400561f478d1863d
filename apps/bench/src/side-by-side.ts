import type { Contender } from "./contenders.js";
import { runLoad } from "./load.js";
import { cpuSeconds } from "./process-stats.js";
import { spawnServer, type RunningContender } from "./spawn-server.js";
import type { Protocol } from "./wire.js";

export interface SideBySideOptions {
  protocol: Protocol;
  concurrency: number;
  /** Pairs of windows, one window per server in each. */
  pairs: number;
  windowMs: number;
  /** Load on each server before the first window. */
  warmupMs: number;
  /** The CPU both servers are pinned to, if any. */
  cpu: number | undefined;
}

export interface SideBySide {
  /** The kit's req/s ÷ the other's, one per pair of windows. */
  throughput: number[];
  /** The other's server CPU per call ÷ the kit's, one per pair (above 1: the kit spends less). */
  cpuPerCall: number[];
  errors: number;
}

/**
 * Two servers up at once, loaded in turn in short windows ordered ABBA, so that a machine that
 * speeds up or slows down over minutes (this one moves by up to 2x) moves both sides of each ratio
 * alike. Rounds of separate runs put minutes between the two sides of a ratio; here it is seconds.
 * Each server is warmed up first: both reach their steady state only after seconds of load.
 */
export async function sideBySide(kit: Contender, other: Contender, options: SideBySideOptions): Promise<SideBySide> {
  const servers: RunningContender[] = [];
  try {
    for (const contender of [kit, other]) servers.push(await spawnServer(contender.entry, contender.setup, options.cpu));
    const measured: SideBySide = { throughput: [], cpuPerCall: [], errors: 0 };
    const window = async (index: number, ms: number) => {
      const server = servers[index]!;
      const cpuBefore = cpuSeconds(server.child.pid!);
      const call = [kit, other][index]!.call;
      const load = await runLoad({
        url: server.url,
        concurrency: options.concurrency,
        durationMs: ms,
        headers: server.headers,
        protocol: options.protocol,
        call,
      });
      measured.errors += load.errors;
      return { reqPerSecond: load.requests / load.seconds, cpuPerCall: (cpuSeconds(server.child.pid!) - cpuBefore) / load.requests };
    };
    for (const index of [0, 1]) await window(index, options.warmupMs);
    for (let pair = 0; pair < options.pairs; pair++) {
      const [first, second] = pair % 2 === 0 ? [0, 1] : [1, 0];
      const windows = [];
      windows[first] = await window(first, options.windowMs);
      windows[second] = await window(second, options.windowMs);
      measured.throughput.push(windows[0]!.reqPerSecond / windows[1]!.reqPerSecond);
      measured.cpuPerCall.push(windows[1]!.cpuPerCall / windows[0]!.cpuPerCall);
    }
    return measured;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
