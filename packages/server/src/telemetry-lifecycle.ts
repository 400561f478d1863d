import type { Logger } from "pino";

/** What `startTelemetry` from `@mcp-platform/telemetry/sdk` returns, as far as the runtime cares. */
export interface TelemetryLifecycle {
  start(): void;
  ready: Promise<void>;
  shutdown(): Promise<void>;
}

/** How long after listening telemetry starts loading: past the first requests, well before any probe. */
const START_DELAY_MS = 100;

/**
 * HTTP: the SDK loads just after the server listens, so its module graph never delays the first
 * answer, and `/readyz` waits for it. stdio: a session may be one request long (an Inspector
 * `--cli` call), and a span recorded before the SDK is in place is lost, so it loads first.
 */
export async function startTelemetryFor(transport: "stdio" | "http", telemetry: TelemetryLifecycle, logger: Logger): Promise<void> {
  if (transport === "http") {
    setTimeout(() => telemetry.start(), START_DELAY_MS).unref();
    return;
  }
  telemetry.start();
  await telemetry.ready.catch((error: unknown) => logger.warn({ err: error }, "telemetry could not start; serving without it"));
}
