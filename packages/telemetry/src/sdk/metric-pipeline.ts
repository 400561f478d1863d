import type { Resource } from "@opentelemetry/resources";
import { ConsoleMetricExporter, MeterProvider, PeriodicExportingMetricReader, type IMetricReader, type PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { envPositiveNumber, exporterNames, otlpProtocol } from "./env-values.js";
import { otlpMetricExporter } from "./otlp-exporters.js";

/** The meter provider, or undefined when `OTEL_METRICS_EXPORTER=none` leaves no reader. */
export async function meterProvider(resource: Resource, env: NodeJS.ProcessEnv, readers?: IMetricReader[]) {
  const metricReaders = readers ?? (await metricReadersFromEnv(env));
  if (metricReaders.length === 0) return undefined;
  return new MeterProvider({ resource, readers: metricReaders });
}

async function metricReadersFromEnv(env: NodeJS.ProcessEnv): Promise<IMetricReader[]> {
  const readers: IMetricReader[] = [];
  for (const name of exporterNames(env, "metrics", ["otlp", "console", "prometheus"] as const)) {
    if (name === "prometheus") {
      const { PrometheusExporter } = await import("@opentelemetry/exporter-prometheus");
      readers.push(new PrometheusExporter({ host: env.OTEL_EXPORTER_PROMETHEUS_HOST, port: envPositiveNumber(env, "OTEL_EXPORTER_PROMETHEUS_PORT") }));
      continue;
    }
    const exporter = name === "console" ? new ConsoleMetricExporter() : await otlpMetricExporter(otlpProtocol(env, "metrics"));
    readers.push(periodicReader(exporter, env));
  }
  return readers;
}

/** A periodic reader honouring `OTEL_METRIC_EXPORT_INTERVAL` and `OTEL_METRIC_EXPORT_TIMEOUT`. */
export function periodicReader(exporter: PushMetricExporter, env: NodeJS.ProcessEnv) {
  const exportIntervalMillis = envPositiveNumber(env, "OTEL_METRIC_EXPORT_INTERVAL") ?? 60_000;
  const exportTimeoutMillis = Math.min(envPositiveNumber(env, "OTEL_METRIC_EXPORT_TIMEOUT") ?? 30_000, exportIntervalMillis);
  return new PeriodicExportingMetricReader({ exporter, exportIntervalMillis, exportTimeoutMillis });
}
