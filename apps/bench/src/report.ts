import { cpus, totalmem } from "node:os";
import type { Measurements } from "./measurements.js";
import type { SideBySide } from "./side-by-side.js";
import { median, pairedRatios, spread } from "./stats.js";

export interface Report {
  command: string;
  rounds: number;
  durationMs: number;
  concurrencies: number[];
  /** By `contender@revision`. */
  results: Record<string, Measurements>;
  stdioCallsPerSecond: Record<string, number>;
  /** The throughput targets measured side by side, both servers up at once. */
  sideBySide: SideBySideResult[];
  versions: Record<string, string>;
}

/** A side-by-side measurement of two runs (`contender@revision`), windows of `windowMs`. */
export interface SideBySideResult extends SideBySide {
  kit: string;
  other: string;
  windowMs: number;
}

/** Which runs the kit is compared with: in each revision, against what serves that revision. */
const COMPARISONS: [kit: string, others: string[]][] = [
  ["kit@2026-07-28", ["sdk-v2@2026-07-28"]],
  ["kit-many@2026-07-28", ["sdk-v2@2026-07-28", "kit@2026-07-28"]],
  ["kit@2025-11-25", ["sdk-v2@2025-11-25", "sdk-naive@2025-11-25", "sdk-shared@2025-11-25", "fastmcp@2025-11-25"]],
];

/** RESULTS.md: the machine, the versions, the command, every measurement, and the kit's ratios. */
export function renderReport(report: Report): string {
  const { results, concurrencies } = report;
  const rows = Object.values(results).map((m) =>
    [
      m.label,
      ...concurrencies.map((c) => spread(m.reqPerSecond[c]!)),
      `${spread(m.p50Ms[32] ?? [], 2)} / ${spread(m.p99Ms[32] ?? [], 2)}`,
      spread(m.cpuMicrosPerCall[32] ?? []),
      spread(m.peakRssMiB),
      spread(m.coldStartMs),
      String(m.errors),
    ].join(" | "),
  );
  const ratio = (kit: string, other: string, pick: (m: Measurements) => number[]) => ratioOf(results, kit, other, pick).toFixed(2);
  const ratioRows = COMPARISONS.filter(([kit]) => results[kit]).flatMap(([kit, others]) =>
    others
      .filter((other) => results[other])
      .map((other) =>
        [
          results[kit]!.label,
          results[other]!.label,
          ...concurrencies.map((c) => `${ratio(kit, other, (m) => m.reqPerSecond[c]!)}x`),
          `${ratio(kit, other, (m) => m.p99Ms[32] ?? [])}x`,
          `${ratio(kit, other, (m) => m.cpuMicrosPerCall[32] ?? [])}x`,
          `${ratio(kit, other, (m) => m.peakRssMiB)}x`,
          `${ratio(kit, other, (m) => m.coldStartMs)}x`,
        ].join(" | "),
      ),
  );
  const cHeaders = concurrencies.map((c) => `c=${c} req/s`);
  return [
    "# Benchmark results",
    "",
    `Command: \`${report.command}\` (${report.rounds} alternating rounds, ${report.durationMs / 1000} s per measurement after a warm-up).`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
    `Versions: ${Object.entries(report.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(", ")}.`,
    "Servers are pinned to CPU 0 and the load client to CPU 1 (taskset). Each serves one trivial `echo` tool over stateless",
    "Streamable HTTP (the many-tools run calls `greet` on apps/conformance), loaded with `tools/call` requests of one revision:",
    "2026-07-28 (per-request `_meta`, `Mcp-Method`/`Mcp-Name`) or 2025-11-25. Every reply is checked (status, JSON-RPC id,",
    "the text only that request's arguments produce). Each run is its own process. Medians (min-max).",
    "",
    `| server, revision | ${cHeaders.join(" | ")} | p50 / p99 ms (c=32) | server CPU µs per call (c=32) | peak RSS MiB | cold start ms | errors |`,
    `|---|${cHeaders.map(() => "---").join("|")}|---|---|---|---|---|`,
    ...rows.map((row) => `| ${row} |`),
    "",
    "## Kit ÷ other (same run)",
    "",
    "Each ratio is the median of the rounds' own ratios: both sides of one are measured in the same round, minutes apart.",
    "",
    `| kit | vs | ${cHeaders.join(" | ")} | p99 (lower is better) | CPU per call (lower is better) | peak RSS | cold start |`,
    `|---|---|${cHeaders.map(() => "---").join("|")}|---|---|---|---|`,
    ...ratioRows.map((row) => `| ${row} |`),
    "",
    "## Side by side (the throughput targets)",
    "",
    "Both servers up at once, pinned to the same CPU, loaded in turn at c=32 in short windows ordered ABBA after a warm-up of",
    "each, so the machine's drift moves both sides of a ratio alike. Medians (min-max) of the pairs of windows.",
    "",
    "| kit | vs | pairs of windows | c=32 req/s | CPU per call (other ÷ kit) | errors |",
    "|---|---|---|---|---|---|",
    ...report.sideBySide.map(
      (run) =>
        `| ${results[run.kit]!.label} | ${results[run.other]!.label} | ${run.throughput.length} × ${run.windowMs / 1000} s | ${spread(run.throughput, 2)}x | ${spread(run.cpuPerCall, 2)}x | ${run.errors} |`,
    ),
    "",
    "## Targets (kit ÷ other, same run)",
    "",
    ...targets(results, report.sideBySide).map(
      ({ name, value, spreadText, goal, met }) => `- ${met ? "met" : "MISSED"}: ${name} ${value.toFixed(2)}x (goal ${goal}; ${spreadText})`,
    ),
    "",
    `stdio, one long-lived kit server, sequential calls: ${Object.entries(report.stdioCallsPerSecond)
      .map(([protocol, rate]) => `${rate.toFixed(0)} calls/s on ${protocol}`)
      .join(", ")}.`,
    "",
    "Cold start is spawn to the first `tools/list` answer, eleven starts of each server alternating on an idle machine; the kit's includes OAuth (the issuer's metadata and keys, fetched at start) and starts OpenTelemetry once those are in.",
    "",
  ].join("\n");
}

/** The median of the per-round ratios (see `pairedRatios`). */
function ratioOf(results: Record<string, Measurements>, kit: string, other: string, pick: (m: Measurements) => number[]): number {
  return median(pairedRatios(pick(results[kit]!), pick(results[other]!)));
}

/**
 * The goals the kit is held to, each as a ratio from this run with its spread: throughput from the
 * side-by-side windows (seconds apart), the rest from the rounds (each server once per round).
 */
function targets(results: Record<string, Measurements>, sideBySide: SideBySideResult[]) {
  const range = (ratios: number[]) => `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`;
  const compare = (kit: string, other: string) => (pick: (m: Measurements) => number[]) => {
    const rounds = pairedRatios(pick(results[kit]!), pick(results[other]!));
    return { value: median(rounds), spreadText: `rounds ${range(rounds)}` };
  };
  const throughput = (kit: string, other: string) => {
    const pairs = sideBySide.find((run) => run.kit === kit && run.other === other)!.throughput;
    return { value: median(pairs), spreadText: `side by side ${range(pairs)}` };
  };
  const modern = compare("kit@2026-07-28", "sdk-v2@2026-07-28");
  const legacy = compare("kit@2025-11-25", "sdk-shared@2025-11-25");
  const goals: { name: string; value: number; spreadText: string; goal: string; min?: number; max?: number }[] = [
    { name: "2026-07-28 throughput at c=32 vs the SDK v2 handler", ...throughput("kit@2026-07-28", "sdk-v2@2026-07-28"), goal: ">= 3x", min: 3 },
    { name: "2026-07-28 p99 at c=32 vs the SDK v2 handler", ...modern((m) => m.p99Ms[32]!), goal: "<= 1.0x", max: 1 },
    { name: "2026-07-28 peak RSS vs the SDK v2 handler", ...modern((m) => m.peakRssMiB), goal: "<= 1.1x", max: 1.1 },
    { name: "cold start vs the SDK v2 handler (no telemetry, no auth)", ...modern((m) => m.coldStartMs), goal: "<= 1.5x", max: 1.5 },
    {
      name: "2025-11-25 throughput at c=32 vs the v1 SDK with a shared validator",
      ...throughput("kit@2025-11-25", "sdk-shared@2025-11-25"),
      goal: ">= 1.5x",
      min: 1.5,
    },
    { name: "2025-11-25 p99 at c=32 vs the v1 SDK with a shared validator", ...legacy((m) => m.p99Ms[32]!), goal: "<= 1.0x", max: 1 },
  ];
  return goals.map((target) => ({ ...target, met: target.min !== undefined ? target.value >= target.min : target.value <= target.max! }));
}
