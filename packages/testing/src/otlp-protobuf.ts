import type { ReceivedSpan } from "./otlp-receiver.js";
import { bytes, decodeWire, messages, type WireMessage } from "./protobuf-wire.js";

/**
 * ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1) in the shape the JSON export
 * gives: resource_spans(1) -> resource(1), scope_spans(2) -> spans(2).
 */
export function protobufSpans(body: Buffer): ReceivedSpan[] {
  return messages(decodeWire(body), 1).flatMap((resourceSpans) => {
    const resource = keyValues(messages(resourceSpans, 1)[0], 1);
    return messages(resourceSpans, 2).flatMap((scopeSpans) => messages(scopeSpans, 2).map((span) => spanOf(span, resource)));
  });
}

/** Span: ids(1, 2, 4), name(5), kind(6), attributes(9), events(11), status(15). */
function spanOf(span: WireMessage, resource: Record<string, unknown>): ReceivedSpan {
  const status = messages(span, 15)[0];
  const message = status && text(status, 2);
  const code = status?.get(3)?.[0];
  return {
    traceId: bytes(span, 1)?.toString("hex") ?? "",
    spanId: bytes(span, 2)?.toString("hex") ?? "",
    parentSpanId: bytes(span, 4)?.toString("hex") ?? "",
    name: text(span, 5) ?? "",
    kind: Number(span.get(6)?.[0] ?? 0),
    attributes: keyValues(span, 9),
    // Event: name(2), attributes(3).
    events: messages(span, 11).map((event) => ({ name: text(event, 2) ?? "", attributes: keyValues(event, 3) })),
    status: { ...(code !== undefined && { code: Number(code) }), ...(message !== undefined && { message }) },
    service: typeof resource["service.name"] === "string" ? resource["service.name"] : "",
    resource,
  };
}

/** Repeated KeyValue: key(1), value(2). */
function keyValues(message: WireMessage | undefined, field: number): Record<string, unknown> {
  if (!message) return {};
  return Object.fromEntries(messages(message, field).map((pair) => [text(pair, 1) ?? "", anyValue(messages(pair, 2)[0])]));
}

/** AnyValue: string(1), bool(2), int(3), double(4), array(5, values in 1); numbers as the JSON export gives them. */
function anyValue(value: WireMessage | undefined): unknown {
  if (!value) return undefined;
  if (value.has(1)) return text(value, 1);
  if (value.has(2)) return value.get(2)![0] === 1n;
  if (value.has(3)) return Number(BigInt.asIntN(64, value.get(3)![0] as bigint));
  if (value.has(4)) return (value.get(4)![0] as Buffer).readDoubleLE(0);
  if (value.has(5)) return messages(messages(value, 5)[0]!, 1).map(anyValue);
  return undefined;
}

function text(message: WireMessage, field: number): string | undefined {
  return bytes(message, field)?.toString("utf8");
}
