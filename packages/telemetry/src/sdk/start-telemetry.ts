import { createRequire, syncBuiltinESMExports } from "node:module";
import { join } from "node:path";
import { diag, DiagLogLevel, type Attributes } from "@opentelemetry/api";
import { telemetryDirectory } from "../platform-home.js";
import { stderrDiagLogger } from "./stderr-diag-logger.js";
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

const DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;

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
  const started = new Promise<void>((resolve) => (begin = resolve)).then(() => startSdk(service, mode, env));
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

async function startSdk(service: TelemetryService, mode: TelemetryMode, env: NodeJS.ProcessEnv) {
  const [{ startNodeSdk }, { UndiciInstrumentation }, { HttpInstrumentation }, { diagLogLevelFromString }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/instrumentation-undici"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/core"),
  ]);
  const resourceAttributes: Attributes = {
    "service.version": service.version,
    "service.namespace": env.MCP_SERVICE_NAMESPACE ?? "mcp-platform",
    "deployment.environment.name": env.MCP_ENVIRONMENT ?? "development",
    "mcp_platform.server.owner": service.owner,
  };
  if (!env.OTEL_SERVICE_NAME) resourceAttributes["service.name"] = service.name;
  const instrumentations = [
    new UndiciInstrumentation(),
    // Incoming HTTP is traced by the kit's own MCP span (with the HTTP context as parent or link).
    new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
  ];
  const sdk = startNodeSdk({
    logLevel: "none",
    resourceAttributes,
    instrumentations,
    ...(env.OTEL_LOGS_EXPORTER ? {} : { logRecordProcessors: [] }),
    ...(mode === "embedded" ? await embeddedPipelines(service.name, env) : {}),
  });
  patchLoadedHttpModules();
  // startNodeSdk installs a console logger (stdout for info); replace it before anything is logged.
  diag.setLogger(stderrDiagLogger, {
    logLevel: diagLogLevelFromString(env.OTEL_LOG_LEVEL ?? "warn") ?? DiagLogLevel.WARN,
    suppressOverrideMessage: true,
  });
  return sdk;
}

async function embeddedPipelines(serviceName: string, env: NodeJS.ProcessEnv) {
  const [{ BatchSpanProcessor }, { PeriodicExportingMetricReader }, { JsonlFile }, { FileSpanExporter }, { FileMetricExporter }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace"),
      import("@opentelemetry/sdk-metrics"),
      import("./jsonl-file.js"),
      import("./file-span-exporter.js"),
      import("./file-metric-exporter.js"),
    ]);
  const directory = telemetryDirectory(env);
  const maxBytes = Number(env.MCP_TELEMETRY_FILE_MAX_BYTES ?? DEFAULT_FILE_MAX_BYTES);
  const spans = new JsonlFile(join(directory, `${serviceName}.spans.jsonl`), maxBytes);
  const metrics = new JsonlFile(join(directory, `${serviceName}.metrics.jsonl`), maxBytes);
  return {
    spanProcessors: [new BatchSpanProcessor({ exporter: new FileSpanExporter(spans), scheduledDelayMillis: 1000 })],
    metricReaders: [
      new PeriodicExportingMetricReader({
        exporter: new FileMetricExporter(metrics),
        exportIntervalMillis: Number(env.OTEL_METRIC_EXPORT_INTERVAL ?? 60_000),
      }),
    ],
  };
}

/**
 * The SDK starts after the app's modules were imported, so `node:http` was loaded unpatched: requiring
 * it again runs the instrumentation's require hook, and syncing the builtin ESM exports makes
 * `import { request } from "node:http"` bindings see the patched functions.
 */
function patchLoadedHttpModules(): void {
  const require = createRequire(import.meta.url);
  require("node:http");
  require("node:https");
  syncBuiltinESMExports();
}
