import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { instruments } from "./instruments.js";
import { ATTR, INSTRUMENTATION_SCOPE } from "./semconv.js";
import { parentContext } from "./trace-context.js";

export interface McpOperation {
  method: string;
  /** The tool or prompt name, when the method has one. */
  target?: string;
  requestId: string | number;
  sessionId?: string;
  protocolVersion?: string;
  transport: "pipe" | "tcp";
  clientAddress?: string;
  resourceUri?: string;
  /** `params._meta` of the request (W3C trace context may be there). */
  meta?: Record<string, unknown>;
  /** HTTP request headers, for the ambient HTTP trace context. */
  headers?: Record<string, unknown>;
}

const tracer = trace.getTracer(INSTRUMENTATION_SCOPE);

/**
 * Runs one MCP request inside a SERVER span named `{mcp.method.name} {target}` and records
 * `mcp.server.operation.duration`. A tool result with `isError` marks the span `tool_error`; a
 * thrown JSON-RPC error marks it with its code, and is rethrown unchanged.
 */
export async function traceOperation<T>(operation: McpOperation, work: (span: Span) => Promise<T>): Promise<T> {
  const { parent, links } = parentContext(operation.meta, operation.headers);
  const attributes = operationAttributes(operation);
  const spanAttributes: Attributes = { ...attributes, [ATTR.jsonrpcRequestId]: String(operation.requestId) };
  if (operation.sessionId) spanAttributes[ATTR.mcpSessionId] = operation.sessionId;
  if (operation.clientAddress) spanAttributes[ATTR.clientAddress] = operation.clientAddress;
  if (operation.resourceUri) spanAttributes[ATTR.mcpResourceUri] = operation.resourceUri;
  const name = operation.target ? `${operation.method} ${operation.target}` : operation.method;
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes: spanAttributes, links }, parent);
  const started = performance.now();
  try {
    const result = await context.with(trace.setSpan(parent, span), () => work(span));
    if (isErrorResult(result)) {
      attributes[ATTR.errorType] = "tool_error";
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorText(result) });
    }
    return result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    attributes[ATTR.errorType] = typeof code === "number" ? String(code) : ((error as Error).name ?? "Error");
    if (typeof code === "number") span.setAttribute(ATTR.rpcResponseStatusCode, String(code));
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    if (attributes[ATTR.errorType]) span.setAttribute(ATTR.errorType, attributes[ATTR.errorType]);
    span.end();
    instruments().operationDuration.record((performance.now() - started) / 1000, attributes);
  }
}

/** Records `mcp.server.session.duration` when a session (stateful HTTP or stdio) ends. */
export function recordSessionEnd(startedAt: number, transport: "pipe" | "tcp", errorType?: string): void {
  instruments().sessionDuration.record((performance.now() - startedAt) / 1000, {
    [ATTR.networkTransport]: transport,
    ...(errorType ? { [ATTR.errorType]: errorType } : {}),
  });
}

/** The low-cardinality attributes shared by the span and the duration metric. */
function operationAttributes(operation: McpOperation): Attributes {
  const attributes: Attributes = {
    [ATTR.mcpMethodName]: operation.method,
    [ATTR.networkTransport]: operation.transport,
  };
  if (operation.protocolVersion) attributes[ATTR.mcpProtocolVersion] = operation.protocolVersion;
  if (operation.transport === "tcp") attributes[ATTR.networkProtocolName] = "http";
  if (operation.method === "tools/call" && operation.target) {
    attributes[ATTR.genAiToolName] = operation.target;
    attributes[ATTR.genAiOperationName] = "execute_tool";
  }
  if (operation.method === "prompts/get" && operation.target) attributes[ATTR.genAiPromptName] = operation.target;
  return attributes;
}

function isErrorResult(result: unknown): result is { isError: true; content?: { text?: string }[] } {
  return typeof result === "object" && result !== null && (result as { isError?: unknown }).isError === true;
}

/** The first line of the error, capped: later lines may carry what must not reach a span (an approval token). */
function errorText(result: { content?: { text?: string }[] }): string {
  const first = result.content?.[0]?.text?.split("\n", 1)[0] ?? "tool error";
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}
