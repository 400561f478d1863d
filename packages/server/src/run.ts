import { ConfigError } from "./config.js";
import type { ServerDefinition } from "./definition/define.js";
import { serve, type RunningServer } from "./serve.js";
import type { TelemetryLifecycle } from "./telemetry-lifecycle.js";

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
    running = await serve(definition, telemetry ? { telemetry } : {});
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
