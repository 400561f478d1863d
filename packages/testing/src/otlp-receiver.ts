import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { waitUntil } from "@mcp-platform/test-services";
import { protobufSpans } from "./otlp-protobuf.js";

/** A span as received over OTLP, in the shape tests assert on. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  attributes: Record<string, unknown>;
  /** Span events (the kit's decisions). */
  events: { name: string; attributes: Record<string, unknown> }[];
  status: { code?: number; message?: string };
  service: string;
  /** The exporting process's resource attributes (`service.name`, `k8s.pod.name`...). */
  resource: Record<string, unknown>;
}

export interface ReceivedMetric {
  name: string;
  unit?: string;
  histogram?: { dataPoints: { explicitBounds?: number[]; count?: string | number; attributes?: unknown[] }[] };
  sum?: { dataPoints: { asInt?: string | number; asDouble?: number; attributes?: unknown[] }[] };
}

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 for tests: accepts `/v1/traces` and `/v1/metrics` in
 * http/json and http/protobuf, and decodes what arrives. Nothing is stubbed on the sending side.
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const metrics: ReceivedMetric[] = [];
  const contentTypes: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const type = req.headers["content-type"] ?? "";
      contentTypes.push(type);
      if (req.url === "/v1/traces") spans.push(...(type.includes("json") ? jsonSpans(body) : protobufSpans(body)));
      if (req.url === "/v1/metrics" && type.includes("json")) metrics.push(...jsonMetrics(body));
      res
        .writeHead(200, { "content-type": type.includes("json") ? "application/json" : "application/x-protobuf" })
        .end(type.includes("json") ? "{}" : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    metrics,
    contentTypes,
    /** Resolves once a span matching `predicate` arrived (polls; rejects after `timeoutMs`). */
    async waitForSpan(predicate: (span: ReceivedSpan) => boolean, timeoutMs = 10_000): Promise<ReceivedSpan> {
      return poll(() => spans.find(predicate), timeoutMs, "span");
    },
    /** Resolves with the latest export of metric `name` that `matches` (metrics are exported periodically). */
    async waitForMetric(name: string, matches: (metric: ReceivedMetric) => boolean = () => true, timeoutMs = 10_000): Promise<ReceivedMetric> {
      return poll(() => metrics.findLast((metric) => metric.name === name && matches(metric)), timeoutMs, `metric ${name}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function poll<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return waitUntil(find, { timeoutMs, timedOut: () => new Error(`No ${what} arrived within ${timeoutMs} ms`) });
}

interface JsonAttribute {
  key: string;
  value: Record<string, unknown>;
}

function attributeMap(attributes: JsonAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, jsonValue(value)]));
}

/** An OTLP/JSON AnyValue (`{ stringValue: "x" }`, `{ arrayValue: { values: [...] } }`) as a plain value. */
function jsonValue(value: Record<string, unknown>): unknown {
  const [kind, inner] = Object.entries(value)[0] ?? [];
  if (kind === "arrayValue") return ((inner as { values?: Record<string, unknown>[] }).values ?? []).map(jsonValue);
  return inner;
}

function jsonSpans(body: Buffer): ReceivedSpan[] {
  const request = JSON.parse(body.toString()) as {
    resourceSpans: { resource: { attributes: JsonAttribute[] }; scopeSpans: { spans: Record<string, unknown>[] }[] }[];
  };
  return request.resourceSpans.flatMap(({ resource, scopeSpans }) =>
    scopeSpans.flatMap(({ spans }) =>
      spans.map((span) => ({
        traceId: span.traceId as string,
        spanId: span.spanId as string,
        parentSpanId: (span.parentSpanId as string | undefined) ?? "",
        name: span.name as string,
        kind: span.kind as number,
        attributes: attributeMap(span.attributes as JsonAttribute[]),
        events: ((span.events as { name: string; attributes?: JsonAttribute[] }[] | undefined) ?? []).map((event) => ({
          name: event.name,
          attributes: attributeMap(event.attributes),
        })),
        status: (span.status as ReceivedSpan["status"] | undefined) ?? {},
        service: String(attributeMap(resource.attributes)["service.name"]),
        resource: attributeMap(resource.attributes),
      })),
    ),
  );
}

function jsonMetrics(body: Buffer): ReceivedMetric[] {
  const request = JSON.parse(body.toString()) as { resourceMetrics: { scopeMetrics: { metrics: ReceivedMetric[] }[] }[] };
  return request.resourceMetrics.flatMap(({ scopeMetrics }) => scopeMetrics.flatMap(({ metrics }) => metrics));
}
