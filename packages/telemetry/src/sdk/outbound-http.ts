import { subscribe } from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";
import { context, metrics, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { isTracingSuppressed } from "@opentelemetry/core";
import { INSTRUMENTATION_SCOPE } from "../semconv.js";

/** What Node's bundled undici (behind `fetch`) publishes about a request. */
interface UndiciRequest {
  origin: string;
  method: string;
  path: string;
  addHeader(name: string, value: string): unknown;
}

interface Outbound {
  span: Span;
  started: number;
  attributes: Attributes;
}

const CLIENT_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * Handlers' outbound HTTP calls, through `fetch` or `node:http`, become CLIENT spans under the tool
 * span, carry its trace context downstream and feed `http.client.request.duration`. Node publishes
 * both clients' requests on diagnostics channels, so nothing is patched and no module hook is needed
 * (which the OpenTelemetry instrumentations need, with ~1 MiB of heap for their loaders). The span
 * ends when the response headers arrive. Query strings are left out of `url.full`: they carry tokens.
 * The OTLP exporters' own requests run with tracing suppressed and are skipped.
 */
export function traceOutboundHttp(): void {
  const tracer = trace.getTracer(INSTRUMENTATION_SCOPE);
  const duration = metrics.getMeter(INSTRUMENTATION_SCOPE).createHistogram("http.client.request.duration", {
    unit: "s",
    description: "Duration of HTTP client requests",
    advice: { explicitBucketBoundaries: CLIENT_DURATION_BUCKETS },
  });
  const inFlight = new WeakMap<object, Outbound>();

  const start = (request: object, method: string, url: URL, inject: (name: string, value: string) => void) => {
    if (isTracingSuppressed(context.active())) return;
    const attributes: Attributes = {
      "http.request.method": method,
      "server.address": url.hostname,
      "server.port": Number(url.port) || (url.protocol === "https:" ? 443 : 80),
    };
    const span = tracer.startSpan(method, { kind: SpanKind.CLIENT, attributes: { ...attributes, "url.full": `${url.origin}${url.pathname}` } });
    propagation.inject(trace.setSpan(context.active(), span), undefined, { set: (_carrier, name, value) => inject(name, value) });
    inFlight.set(request, { span, started: performance.now(), attributes });
  };
  const finish = (request: object, status: number | undefined, error?: Error) => {
    const outbound = inFlight.get(request);
    if (!outbound) return;
    inFlight.delete(request);
    const { span, started, attributes } = outbound;
    if (status !== undefined) attributes["http.response.status_code"] = status;
    const errorType = error ? ((error as NodeJS.ErrnoException).code ?? error.name) : status !== undefined && status >= 400 ? String(status) : undefined;
    if (errorType) {
      attributes["error.type"] = errorType;
      span.setStatus({ code: SpanStatusCode.ERROR, message: error?.message });
    }
    span.setAttributes(attributes);
    span.end();
    duration.record((performance.now() - started) / 1000, attributes);
  };

  subscribe("http.client.request.created", (message) => {
    const request = (message as { request: ClientRequest }).request;
    const url = new URL(request.path, `${request.protocol}//${String(request.getHeader("host") ?? request.host)}`);
    start(request, request.method, url, (name, value) => {
      if (!request.headersSent) request.setHeader(name, value);
    });
  });
  subscribe("http.client.response.finish", (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    finish(request, response.statusCode);
  });
  subscribe("http.client.request.error", (message) => {
    const { request, error } = message as { request: ClientRequest; error: Error };
    finish(request, undefined, error);
  });

  subscribe("undici:request:create", (message) => {
    const request = (message as { request: UndiciRequest }).request;
    start(request, request.method, new URL(request.path, request.origin), (name, value) => request.addHeader(name, value));
  });
  subscribe("undici:request:headers", (message) => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    finish(request, response.statusCode);
  });
  subscribe("undici:request:error", (message) => {
    const { request, error } = message as { request: object; error: Error };
    finish(request, undefined, error);
  });
}
