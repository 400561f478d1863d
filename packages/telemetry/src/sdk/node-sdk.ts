import { join } from "node:path";
import { context, diag, DiagLogLevel, metrics, propagation, trace } from "@opentelemetry/api";
import { diagLogLevelFromString, setGlobalErrorHandler } from "@opentelemetry/core";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace";
import { telemetryDirectory } from "../platform-home.js";
import { envPositiveNumber } from "./env-values.js";
import { FileMetricExporter } from "./file-metric-exporter.js";
import { FileSpanExporter } from "./file-span-exporter.js";
import { JsonlFile } from "./jsonl-file.js";
import { startLogPipeline } from "./log-pipeline.js";
import { meterProvider, periodicReader } from "./metric-pipeline.js";
import { otlpPortMismatch } from "./otlp-endpoint.js";
import { traceOutboundHttp } from "./outbound-http.js";
import { propagatorFromEnv } from "./propagator.js";
import { platformResource } from "./resource.js";
import { exportErrorHandler, stderrDiagLogger } from "./stderr-diag-logger.js";
import type { TelemetryService } from "./start-telemetry.js";
import type { TelemetryMode } from "./telemetry-mode.js";
import { tracerProvider } from "./trace-pipeline.js";

const DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The OpenTelemetry SDK assembled from its parts (trace, metrics, the one configured exporter per
 * signal) rather than through `@opentelemetry/sdk-node`, whose entry point imports every exporter,
 * gRPC and its configuration-file parser: ~10 MiB of heap the server would carry for its whole
 * life, which V8 multiplies into ~40 MiB of peak RSS under load (apps/bench). The standard `OTEL_*`
 * variables mean the same here as there.
 */
export async function startSdk(service: TelemetryService, mode: TelemetryMode, env: NodeJS.ProcessEnv): Promise<{ shutdown(): Promise<unknown> }> {
  useStderrDiagLogger(env);
  if (env.OTEL_CONFIG_FILE) return startFromConfigFile(env);
  const portMismatch = otlpPortMismatch(env);
  if (portMismatch) diag.warn(portMismatch);
  const resource = platformResource(service, env);
  const embedded = mode === "embedded" ? embeddedPipelines(service.name, env) : undefined;
  const [tracers, meters, loggers, propagator, { AsyncLocalStorageContextManager }] = await Promise.all([
    tracerProvider(resource, env, embedded?.spanProcessors),
    meterProvider(resource, env, embedded?.metricReaders),
    embedded ? undefined : startLogPipeline(resource, env),
    propagatorFromEnv(env),
    import("@opentelemetry/context-async-hooks"),
  ]);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  if (propagator) propagation.setGlobalPropagator(propagator);
  if (meters) metrics.setGlobalMeterProvider(meters);
  if (tracers) trace.setGlobalTracerProvider(tracers);
  traceOutboundHttp();
  const providers = [tracers, meters, loggers].filter((provider) => provider !== undefined);
  return { shutdown: () => Promise.all(providers.map((provider) => provider.shutdown())) };
}

/** OpenTelemetry's declarative configuration file: the whole Node SDK handles it, loaded only then. */
async function startFromConfigFile(env: NodeJS.ProcessEnv) {
  const { startNodeSdk } = await import("@opentelemetry/sdk-node");
  const sdk = startNodeSdk();
  // startNodeSdk installs a console logger, which puts `info` on stdout: the protocol's, under stdio.
  useStderrDiagLogger(env);
  traceOutboundHttp();
  return sdk;
}

function useStderrDiagLogger(env: NodeJS.ProcessEnv): void {
  const logLevel = diagLogLevelFromString(env.OTEL_LOG_LEVEL ?? "warn") ?? DiagLogLevel.WARN;
  diag.setLogger(stderrDiagLogger, { logLevel, suppressOverrideMessage: true });
  setGlobalErrorHandler(exportErrorHandler);
}

function embeddedPipelines(serviceName: string, env: NodeJS.ProcessEnv) {
  const directory = telemetryDirectory(env);
  const maxBytes = envPositiveNumber(env, "MCP_TELEMETRY_FILE_MAX_BYTES") ?? DEFAULT_FILE_MAX_BYTES;
  const spans = new JsonlFile(join(directory, `${serviceName}.spans.jsonl`), maxBytes);
  const metrics = new JsonlFile(join(directory, `${serviceName}.metrics.jsonl`), maxBytes);
  return {
    spanProcessors: [new BatchSpanProcessor({ exporter: new FileSpanExporter(spans), scheduledDelayMillis: 1000 })],
    metricReaders: [periodicReader(new FileMetricExporter(metrics), env)],
  };
}
