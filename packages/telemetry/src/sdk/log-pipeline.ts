import { logs } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import { envPositiveNumber, exporterNames, otlpProtocol } from "./env-values.js";
import { otlpLogExporter } from "./otlp-exporters.js";

/**
 * Registers a logger provider for libraries that emit OpenTelemetry logs. The kit's own logs are JSON
 * lines on stderr, so this exists only when `OTEL_LOGS_EXPORTER` asks for it, and its SDK loads only then.
 */
export async function startLogPipeline(resource: Resource, env: NodeJS.ProcessEnv) {
  if (!env.OTEL_LOGS_EXPORTER) return undefined;
  const names = exporterNames(env, "logs", ["otlp", "console"] as const);
  if (names.length === 0) return undefined;
  const { BatchLogRecordProcessor, ConsoleLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } = await import("@opentelemetry/sdk-logs");
  const processors = [];
  for (const name of names) {
    if (name === "console") processors.push(new SimpleLogRecordProcessor({ exporter: new ConsoleLogRecordExporter() }));
    else
      processors.push(
        new BatchLogRecordProcessor({
          exporter: await otlpLogExporter(otlpProtocol(env, "logs")),
          maxQueueSize: envPositiveNumber(env, "OTEL_BLRP_MAX_QUEUE_SIZE"),
          maxExportBatchSize: envPositiveNumber(env, "OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"),
          scheduledDelayMillis: envPositiveNumber(env, "OTEL_BLRP_SCHEDULE_DELAY"),
          exportTimeoutMillis: envPositiveNumber(env, "OTEL_BLRP_EXPORT_TIMEOUT"),
        }),
      );
  }
  const provider = new LoggerProvider({ resource, processors });
  logs.setGlobalLoggerProvider(provider);
  return provider;
}
