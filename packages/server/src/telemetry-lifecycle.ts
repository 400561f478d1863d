import type { Logger } from "pino";

/** What `startTelemetry` from `@mcp-platform/telemetry/sdk` returns, as far as the runtime cares. */
export interface TelemetryLifecycle {
  start(): void;
  ready: Promise<void>;
  shutdown(): Promise<void>;
}

/** How long after the start settles telemetry starts loading: past the first requests, well before any probe. */
const START_DELAY_MS = 100;
/** A slow issuer does not hold telemetry (and so `/readyz`) back longer than this. */
const SETTLE_WAIT_MS = 2000;

/**
 * HTTP: the SDK loads just after the server listens and its start's round trips (the issuer's keys)
 * are done, so its module graph never delays the first answer, and `/readyz` waits for it. The
 * first requests wait for those keys; loading the SDK meanwhile would make them wait for it too.
 * stdio: a session may be one request long (an Inspector `--cli` call), and a span recorded before
 * the SDK is in place is lost, so it loads first.
 */
export async function startTelemetryFor(
  transport: "stdio" | "http",
  telemetry: TelemetryLifecycle,
  logger: Logger,
  settled: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  if (transport === "http") {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      telemetry.start();
    };
    setTimeout(start, SETTLE_WAIT_MS).unref();
    void settled.finally(() => setTimeout(start, START_DELAY_MS).unref());
    return;
  }
  telemetry.start();
  await telemetry.ready.catch((error: unknown) => logger.warn({ err: error }, "telemetry could not start; serving without it"));
}
