import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mintDevToken, startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { contenders, type Contender } from "./contenders.js";
import { runLoad } from "./load.js";
import { emptyMeasurements, type Measurements } from "./measurements.js";
import { startOtlpSink } from "./otlp-sink.js";
import { cpuSeconds, peakRssMiB } from "./process-stats.js";
import { renderReport, type SideBySideResult } from "./report.js";
import { sideBySide } from "./side-by-side.js";
import { spawnServer } from "./spawn-server.js";
import { percentile } from "./stats.js";
import { stdioCallsPerSecond } from "./stdio-rate.js";
import { PROTOCOLS, resultKey } from "./wire.js";

const quick = process.argv.includes("--quick");
const rounds = quick ? 1 : 3;
const durationMs = quick ? 2000 : 5000;
const warmupMs = quick ? 500 : 1500;
const concurrencies = [1, 32];
const pinned = hasTaskset();
if (pinned) execFileSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });

const home = mkdtempSync(join(tmpdir(), "mcp-bench-"));
const issuer = await startDevIssuer({ home });
const sink = await startOtlpSink();
const kit = {
  issuer: issuer.issuer,
  home,
  otlpEndpoint: sink.endpoint,
  token: (audience: string, scope: string) => mintDevToken({ home, issuer: issuer.issuer, audience, scopes: [scope], subject: "bench" }),
};
const all = contenders(kit);
/** Each contender once per revision it is loaded in, in its own process (so peak RSS is that load's). */
const runs = all.flatMap((contender) => contender.protocols.map((protocol) => ({ contender, protocol, key: resultKey(contender.name, protocol) })));
const results: Record<string, Measurements> = Object.fromEntries(
  runs.map(({ contender, protocol, key }) => [key, emptyMeasurements(`${contender.label}, ${protocol}`, concurrencies)]),
);
const coldStarts: Record<string, number[]> = Object.fromEntries(all.map((c) => [c.name, []]));

for (let round = 0; round < rounds; round++) {
  // Alternate the order, so drift over the run does not favour whoever goes first.
  const order = round % 2 === 0 ? runs : [...runs].reverse();
  for (const { contender, protocol, key } of order) {
    const server = await spawnServer(contender.entry, contender.setup, pinned ? 0 : undefined);
    const pid = server.child.pid!;
    const measured = results[key]!;
    const loadFor = (concurrency: number, ms: number) =>
      runLoad({ url: server.url, concurrency, durationMs: ms, headers: server.headers, protocol, call: contender.call });
    for (const concurrency of concurrencies) {
      await loadFor(concurrency, warmupMs);
      const cpuBefore = cpuSeconds(pid);
      const load = await loadFor(concurrency, durationMs);
      const cpuUsed = cpuSeconds(pid) - cpuBefore;
      measured.reqPerSecond[concurrency]!.push(load.requests / load.seconds);
      measured.p50Ms[concurrency]!.push(percentile(load.latenciesMs, 50));
      measured.p99Ms[concurrency]!.push(percentile(load.latenciesMs, 99));
      measured.cpuMicrosPerCall[concurrency]!.push((cpuUsed / load.requests) * 1e6);
      measured.errors += load.errors;
      process.stderr.write(`round ${round + 1} ${key} c=${concurrency}: ${(load.requests / load.seconds).toFixed(0)} req/s, ${load.errors} errors\n`);
    }
    measured.peakRssMiB.push(peakRssMiB(pid));
    await server.stop();
  }
}

// The throughput targets again, each pair of servers up at once and loaded in turn (side-by-side.ts).
const sideBySideRuns: SideBySideResult[] = [];
for (const [kitName, otherName, protocol] of [
  ["kit", "sdk-v2", "2026-07-28"],
  ["kit", "sdk-shared", "2025-11-25"],
] as const) {
  const [kitContender, otherContender] = [kitName, otherName].map((name) => all.find((c) => c.name === name)!) as [Contender, Contender];
  const options = quick ? { pairs: 3, windowMs: 1000, warmupMs: 1000 } : { pairs: 12, windowMs: 2000, warmupMs: 8000 };
  const measured = await sideBySide(kitContender, otherContender, { protocol, concurrency: 32, cpu: pinned ? 0 : undefined, ...options });
  sideBySideRuns.push({ kit: resultKey(kitName, protocol), other: resultKey(otherName, protocol), windowMs: options.windowMs, ...measured });
  process.stderr.write(`side by side ${kitName} vs ${otherName}, ${protocol}: ${measured.throughput.map((r) => r.toFixed(2)).join(" ")}\n`);
}

// Cold starts on their own, alternating, each server spawned fresh on an idle machine: eleven each,
// since one start varies by ±15% here and the target is a ratio of two medians.
for (let sample = 0; sample < (quick ? 2 : 11); sample++) {
  for (const contender of sample % 2 === 0 ? all : [...all].reverse()) {
    const server = await spawnServer(contender.entry, contender.setup, pinned ? 0 : undefined);
    coldStarts[contender.name]!.push(server.coldStartMs);
    await server.stop();
  }
}
for (const { contender, key } of runs) results[key]!.coldStartMs.push(...coldStarts[contender.name]!);

const kitEntry = all.find((c) => c.name === "kit")!.entry;
const stdioEnv = { MCP_PLATFORM_HOME: home, OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" };
const stdioRates: Record<string, number> = {};
for (const protocol of PROTOCOLS) stdioRates[protocol] = await stdioCallsPerSecond(kitEntry, stdioEnv, protocol, quick ? 500 : 3000);
await issuer.close().catch(() => undefined);
sink.close();
rmSync(home, { recursive: true, force: true });

const report = renderReport({
  command: `pnpm bench${quick ? " --quick" : ""}`,
  rounds,
  durationMs,
  concurrencies,
  results,
  stdioCallsPerSecond: stdioRates,
  sideBySide: sideBySideRuns,
  versions: versions(),
});
process.stdout.write(`${report}\n`);
if (!quick) writeFileSync(fileURLToPath(new URL("../RESULTS.md", import.meta.url)), report);
const errors = [...Object.values(results), ...sideBySideRuns].reduce((sum, m) => sum + m.errors, 0);
process.exitCode = errors > 0 ? 1 : 0;

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function versions(): Record<string, string> {
  const version = (dir: string, name: string) =>
    (JSON.parse(readFileSync(new URL(`${dir}/node_modules/${name}/package.json`, import.meta.url), "utf8")) as { version: string }).version;
  // The kit's OpenTelemetry packages are the telemetry package's dependencies, not the bench's.
  const telemetry = "../node_modules/@mcp-platform/telemetry";
  return {
    "@modelcontextprotocol/server": version("..", "@modelcontextprotocol/server"),
    "@modelcontextprotocol/sdk": version("..", "@modelcontextprotocol/sdk"),
    fastmcp: version("..", "fastmcp"),
    "@opentelemetry/sdk-trace": version(telemetry, "@opentelemetry/sdk-trace"),
    "@opentelemetry/exporter-trace-otlp-proto": version(telemetry, "@opentelemetry/exporter-trace-otlp-proto"),
  };
}
