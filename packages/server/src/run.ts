import { ConfigError } from "./config.js";
import type { ServerDefinition } from "./definition/define.js";
import { serve, type RunningServer } from "./serve.js";

/** What `startTelemetry` from `@mcp-platform/telemetry/sdk` returns, as far as the runtime cares. */
export interface TelemetryLifecycle {
  start(): void;
  ready: Promise<void>;
  shutdown(): Promise<void>;
}

/** How long after listening telemetry starts loading: past the first requests, well before any probe. */
const TELEMETRY_START_DELAY_MS = 100;

export interface RunOptions {
  /** Starts telemetry for this server (pass `startTelemetry`); flushed on shutdown. */
  telemetry?: (service: { name: string; version: string; owner: string }) => TelemetryLifecycle;
  /** Called after in-flight work finished on shutdown, before exit: close stores and the like. */
  beforeExit?: () => Promise<void>;
}

/**
 * The entry point of a team server's process: validates configuration (one clear line and exit 1
 * on a mistake), serves, and on SIGTERM/SIGINT drains in-flight calls, flushes and exits 0.
 */
export async function runServer(definition: ServerDefinition, options: RunOptions = {}): Promise<RunningServer> {
  let running: RunningServer;
  let telemetry: TelemetryLifecycle | undefined;
  try {
    telemetry = options.telemetry?.(definition);
    running = await serve(definition, { readyWhen: telemetry?.ready });
    if (telemetry) setTimeout(() => telemetry?.start(), TELEMETRY_START_DELAY_MS);
  } catch (error) {
    if (error instanceof ConfigError || (error as Error).name === "ConfigError") {
      process.stderr.write(`${definition.name}: ${(error as Error).message}\n`);
      process.exit(1);
    }
    throw error;
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.logger.info({ signal }, "shutting down: finishing in-flight calls");
    const { completed } = await running.stop();
    if (!completed) running.logger.warn("shutdown deadline passed with calls still in flight (MCP_SHUTDOWN_TIMEOUT_MS)");
    await options.beforeExit?.();
    await telemetry?.shutdown();
    running.logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  if (running.url === undefined) process.stdin.once("end", () => void shutdown("stdin closed"));
  return running;
}
