import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mintDevToken, startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { freePort } from "@mcp-platform/testing";
import { contenders } from "./contenders.js";
import { runLoad } from "./load.js";
import { startOtlpSink } from "./otlp-sink.js";
import { spawnServer, type RunningContender } from "./spawn-server.js";
import { PROTOCOLS, type Protocol } from "./wire.js";

/**
 * The soak run (`pnpm bench:soak`): the kit server with everything on takes 100,000 calls at c=64
 * over HTTP with real tokens, with its OTLP collector up and then down, in each revision. It must
 * answer every call, and its live heap after full collections must end within 10% of where it was
 * after the warm-up. Writes SOAK.md; exits 1 when a run misses.
 */
const quick = process.argv.includes("--quick");
const CALLS = quick ? 10_000 : 100_000;
const WARMUP_CALLS = quick ? 2_000 : 10_000;
const CONCURRENCY = 64;
const MAX_HEAP_GROWTH = 0.1;
const heapProbe = fileURLToPath(new URL("./servers/heap-probe.js", import.meta.url));

const home = mkdtempSync(join(tmpdir(), "mcp-soak-"));
const issuer = await startDevIssuer({ home });
const sink = await startOtlpSink();
const collectors = { up: sink.endpoint, down: `http://127.0.0.1:${await freePort()}` };

interface SoakRun {
  collector: keyof typeof collectors;
  protocol: Protocol;
  calls: number;
  errors: number;
  seconds: number;
  heapAfterWarmupMiB: number;
  heapAfterMiB: number;
}

const runs: SoakRun[] = [];
for (const [collector, otlpEndpoint] of Object.entries(collectors) as [keyof typeof collectors, string][]) {
  const kit = contenders({
    issuer: issuer.issuer,
    home,
    otlpEndpoint,
    token: (audience, scope) => mintDevToken({ home, issuer: issuer.issuer, audience, scopes: [scope], subject: "soak" }),
  }).find((contender) => contender.name === "kit")!;
  for (const protocol of PROTOCOLS) {
    const server = await spawnServer(kit.entry, kit.setup, undefined, { args: ["--expose-gc", "--import", heapProbe], ipc: true });
    const load = (calls: number) =>
      runLoad({ url: server.url, concurrency: CONCURRENCY, durationMs: 3_600_000, calls, headers: server.headers, protocol, call: kit.call });
    await load(WARMUP_CALLS);
    const heapAfterWarmupMiB = await liveHeapMiB(server);
    const soaked = await load(CALLS);
    const heapAfterMiB = await liveHeapMiB(server);
    await server.stop();
    runs.push({
      collector,
      protocol,
      calls: soaked.requests + soaked.errors,
      errors: soaked.errors,
      seconds: soaked.seconds,
      heapAfterWarmupMiB,
      heapAfterMiB,
    });
    process.stderr.write(
      `soak ${protocol}, collector ${collector}: ${soaked.errors} errors, heap ${heapAfterWarmupMiB.toFixed(1)} -> ${heapAfterMiB.toFixed(1)} MiB\n`,
    );
  }
}
await issuer.close();
sink.close();
rmSync(home, { recursive: true, force: true });

const met = (run: SoakRun) => run.errors === 0 && run.heapAfterMiB <= run.heapAfterWarmupMiB * (1 + MAX_HEAP_GROWTH);
const report = [
  "# Soak results",
  "",
  `Command: \`pnpm bench:soak${quick ? " --quick" : ""}\`. The kit server with OTLP tracing, OAuth JWT, policy and audit takes ${CALLS.toLocaleString("en-US")} \`tools/call\``,
  `requests at c=${CONCURRENCY} after ${WARMUP_CALLS.toLocaleString("en-US")} warm-up calls, each reply checked. Live heap: \`heapUsed\` after three full collections`,
  "(`--expose-gc`), read over IPC. Goal: 0 errors, and the live heap at the end within 10% of the one after the warm-up,",
  "with the collector up and with it down (a closed port: every export fails).",
  "",
  "| revision | collector | calls | errors | calls/s | live heap after warm-up MiB | live heap at end MiB | growth | goal |",
  "|---|---|---|---|---|---|---|---|---|",
  ...runs.map(
    (run) =>
      `| ${run.protocol} | ${run.collector} | ${run.calls.toLocaleString("en-US")} | ${run.errors} | ${Math.round(run.calls / run.seconds).toLocaleString("en-US")} | ${run.heapAfterWarmupMiB.toFixed(1)} | ${run.heapAfterMiB.toFixed(1)} | ${((run.heapAfterMiB / run.heapAfterWarmupMiB - 1) * 100).toFixed(1)}% | ${met(run) ? "met" : "MISSED"} |`,
  ),
  "",
].join("\n");
if (!quick) writeFileSync(fileURLToPath(new URL("../SOAK.md", import.meta.url)), report);
process.stdout.write(report);
process.exit(runs.every(met) ? 0 : 1);

function liveHeapMiB(server: RunningContender): Promise<number> {
  return new Promise((resolve) => {
    server.child.once("message", (reply: { heapUsedBytes: number }) => resolve(reply.heapUsedBytes / 2 ** 20));
    server.child.send("heap");
  });
}
