import type { LogRecordExporter } from "@opentelemetry/sdk-logs";
import type { PushMetricExporter } from "@opentelemetry/sdk-metrics";
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import type { OtlpProtocol } from "./env-values.js";

// One module per protocol and signal, imported only when configured: each exporter package (gRPC
// above all) costs memory for as long as the process lives, and a server exports one protocol.
// The exporters read their endpoint, headers, timeout and compression from the standard variables.

export async function otlpSpanExporter(protocol: OtlpProtocol): Promise<SpanExporter> {
  if (protocol === "grpc") return new (await import("@opentelemetry/exporter-trace-otlp-grpc")).OTLPTraceExporter();
  if (protocol === "http/json") return new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter();
  return new (await import("@opentelemetry/exporter-trace-otlp-proto")).OTLPTraceExporter();
}

export async function otlpMetricExporter(protocol: OtlpProtocol): Promise<PushMetricExporter> {
  if (protocol === "grpc") return new (await import("@opentelemetry/exporter-metrics-otlp-grpc")).OTLPMetricExporter();
  if (protocol === "http/json") return new (await import("@opentelemetry/exporter-metrics-otlp-http")).OTLPMetricExporter();
  return new (await import("@opentelemetry/exporter-metrics-otlp-proto")).OTLPMetricExporter();
}

export async function otlpLogExporter(protocol: OtlpProtocol): Promise<LogRecordExporter> {
  if (protocol === "grpc") return new (await import("@opentelemetry/exporter-logs-otlp-grpc")).OTLPLogExporter();
  if (protocol === "http/json") return new (await import("@opentelemetry/exporter-logs-otlp-http")).OTLPLogExporter();
  return new (await import("@opentelemetry/exporter-logs-otlp-proto")).OTLPLogExporter();
}
