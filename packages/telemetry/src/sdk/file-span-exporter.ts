import { ExportResultCode, hrTimeToMilliseconds, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import type { JsonlFile } from "./jsonl-file.js";
import { serviceName } from "./service-name.js";

/** One span as the embedded exporter stores it and `mcp-platform traces` reads it. */
export interface StoredSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  startMs: number;
  durationMs: number;
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; timeMs: number; attributes?: Record<string, unknown> }[];
  links: { traceId: string; spanId: string }[];
}

/** The embedded default: spans as JSON lines in a size-capped local file. */
export class FileSpanExporter implements SpanExporter {
  readonly #file: JsonlFile;

  constructor(file: JsonlFile) {
    this.#file = file;
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.#file.append(spans.map(toStoredSpan)).then(
      () => done({ code: ExportResultCode.SUCCESS }),
      (error: unknown) => done({ code: ExportResultCode.FAILED, error: error as Error }),
    );
  }

  shutdown(): Promise<void> {
    return this.#file.append([]);
  }

  forceFlush(): Promise<void> {
    return this.#file.append([]);
  }
}

function toStoredSpan(span: ReadableSpan): StoredSpan {
  const { traceId, spanId } = span.spanContext();
  return {
    traceId,
    spanId,
    ...(span.parentSpanContext ? { parentSpanId: span.parentSpanContext.spanId } : {}),
    name: span.name,
    kind: span.kind,
    service: serviceName(span.resource),
    startMs: hrTimeToMilliseconds(span.startTime),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: span.status,
    attributes: span.attributes,
    events: span.events.map((event) => ({
      name: event.name,
      timeMs: hrTimeToMilliseconds(event.time),
      ...(event.attributes ? { attributes: event.attributes } : {}),
    })),
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
  };
}
