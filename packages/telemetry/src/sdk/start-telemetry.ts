import { diag } from "@opentelemetry/api";
import { telemetryMode, type TelemetryMode } from "./telemetry-mode.js";

export interface TelemetryService {
  name: string;
  version: string;
  owner: string;
}

export interface Telemetry {
  readonly mode: TelemetryMode;
  /** Loads and registers the SDK (idempotent). The runtime calls it once the server listens. */
  start(): void;
  /** Settles once the SDK is registered; the server reports ready only then. */
  readonly ready: Promise<void>;
  /** Flushes pending spans and metrics, waiting at most `timeoutMs`. */
  shutdown(timeoutMs?: number): Promise<void>;
}

/**
 * OpenTelemetry for an app's entry point. The configuration is checked now; the SDK itself loads
 * when `start()` is called, which the runtime does once the server listens, so that its module
 * graph (~200 ms of CPU) never delays the first answer. `ready` tells when it is in place, and
 * `/readyz` waits for it; requests answered before then are not traced.
 * Only the instrumentations the kit needs are loaded: outbound `fetch`/undici and `http` calls
 * of handlers, which become children of the tool span.
 */
export function startTelemetry(service: TelemetryService, env: NodeJS.ProcessEnv = process.env): Telemetry {
  const mode = telemetryMode(env, env.MCP_TRANSPORT ?? "stdio");
  if (mode === "disabled") return { mode, start: () => undefined, ready: Promise.resolve(), shutdown: () => Promise.resolve() };
  let begin: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (begin = resolve)).then(async () => (await import("./node-sdk.js")).startSdk(service, mode, env));
  return {
    mode,
    start: () => begin(),
    ready: started.then(() => undefined),
    async shutdown(timeoutMs = 2000) {
      begin();
      const sdk = await started;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([sdk.shutdown().catch((error: unknown) => diag.error("telemetry flush failed", error)), deadline]);
      clearTimeout(timer);
    },
  };
}
