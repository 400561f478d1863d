import { isSpanContextValid, trace } from "@opentelemetry/api";

/**
 * The active span's ids under the names OpenTelemetry gives them in logs that are not OTLP
 * (`trace_id`, `span_id`, `trace_flags`), so a log pipeline (Loki, Datadog, CloudWatch, Elastic)
 * links each JSON line to its trace. Empty outside a traced request, or when telemetry is off.
 */
export function traceLogFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: spanContext.traceFlags.toString(16).padStart(2, "0"),
  };
}
