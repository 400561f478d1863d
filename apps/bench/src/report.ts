import { cpus, totalmem } from "node:os";
import type { Measurements } from "./measurements.js";
import { median, spread } from "./stats.js";

export interface Report {
  command: string;
  rounds: number;
  durationMs: number;
  concurrencies: number[];
  results: Record<string, Measurements>;
  stdioCallsPerSecond: number;
  versions: Record<string, string>;
}

/** RESULTS.md: the machine, the versions, the command, every measurement, and the kit's ratios. */
export function renderReport(report: Report): string {
  const { results, concurrencies } = report;
  const kit = results.kit!;
  const rows = Object.entries(results).map(([, m]) =>
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
  const ratio = (name: string, pick: (m: Measurements) => number[]) => (median(pick(kit)) / median(pick(results[name]!))).toFixed(2);
  const ratioRows = Object.keys(results)
    .filter((name) => name !== "kit")
    .map((name) =>
      [
        results[name]!.label,
        ...concurrencies.map((c) => `${ratio(name, (m) => m.reqPerSecond[c]!)}x`),
        `${ratio(name, (m) => m.p99Ms[32] ?? [])}x`,
        `${ratio(name, (m) => m.cpuMicrosPerCall[32] ?? [])}x`,
        `${ratio(name, (m) => m.peakRssMiB)}x`,
        `${ratio(name, (m) => m.coldStartMs)}x`,
      ].join(" | "),
    );
  const cHeaders = concurrencies.map((c) => `c=${c} req/s`);
  return [
    "# Benchmark results",
    "",
    `Command: \`${report.command}\` (${report.rounds} alternating rounds, ${report.durationMs / 1000} s per measurement after a warm-up).`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
    `Versions: ${Object.entries(report.versions).map(([name, version]) => `${name} ${version}`).join(", ")}.`,
    "Servers are pinned to CPU 0 and the load client to CPU 1 (taskset). Each server serves one trivial `echo` tool over stateless",
    "Streamable HTTP; every reply is checked (status, JSON-RPC id, the echoed text only that request carried). Medians (min-max).",
    "",
    `| server | ${cHeaders.join(" | ")} | p50 / p99 ms (c=32) | server CPU µs per call (c=32) | peak RSS MiB | cold start ms | errors |`,
    `|---|${cHeaders.map(() => "---").join("|")}|---|---|---|---|---|`,
    ...rows.map((row) => `| ${row} |`),
    "",
    "## Kit ÷ other (same run)",
    "",
    `| vs | ${cHeaders.join(" | ")} | p99 (lower is better) | CPU per call (lower is better) | peak RSS | cold start |`,
    `|---|${cHeaders.map(() => "---").join("|")}|---|---|---|---|`,
    ...ratioRows.map((row) => `| ${row} |`),
    "",
    "## Targets (kit ÷ other, same run)",
    "",
    ...targets(results).map(({ name, value, goal, met }) => `- ${met ? "met" : "MISSED"}: ${name} ${value.toFixed(2)}x (goal ${goal})`),
    "",
    `stdio, one long-lived kit server, sequential calls: ${report.stdioCallsPerSecond.toFixed(0)} calls/s.`,
    "",
    "Cold start is spawn to the first `tools/list` answer; the kit's includes OAuth (JWKS fetch) and starts OpenTelemetry in the background.",
    "",
  ].join("\n");
}

/** The goals the kit is held to (issue #9), each as a ratio of medians from this run. */
function targets(results: Record<string, Measurements>) {
  const ratio = (name: string, pick: (m: Measurements) => number[]) => median(pick(results.kit!)) / median(pick(results[name]!));
  return [
    { name: "throughput at c=32 vs the shared-validator SDK", value: ratio("sdk-shared", (m) => m.reqPerSecond[32]!), goal: ">= 1.5x", min: 1.5 },
    { name: "p99 at c=32 vs the shared-validator SDK", value: ratio("sdk-shared", (m) => m.p99Ms[32]!), goal: "<= 1.0x", max: 1 },
    { name: "peak RSS vs the shared-validator SDK", value: ratio("sdk-shared", (m) => m.peakRssMiB), goal: "<= 1.1x", max: 1.1 },
    { name: "cold start vs the bare SDK without telemetry", value: ratio("sdk-naive", (m) => m.coldStartMs), goal: "<= 1.5x", max: 1.5 },
  ].map((target) => ({ ...target, met: target.min !== undefined ? target.value >= target.min : target.value <= target.max }));
}
