import {
  BAGGAGE_META_KEY,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  TRACEPARENT_META_KEY,
  TRACESTATE_META_KEY,
  type JSONRPCRequest,
} from "@modelcontextprotocol/server";
import { MODERN_REVISIONS } from "../protocol/revisions.js";
import { isRecord } from "../is-record.js";

/*
 * The common requests, told apart without the SDK's classifier, which would say the same at
 * several times the cost (its guards are schema parses). Anything less plain goes through it.
 */

/** A well-formed 2025 request: no `_meta` revision claim, no 2026 header. */
export function isPlainLegacyRequest(body: unknown, version: string | undefined): boolean {
  if (version !== undefined && version >= MODERN_REVISIONS[0]!) return false;
  const request = plainRequest(body);
  if (!request || request.method === "initialize") return false;
  if (request.params === undefined) return true;
  const meta = metaOf(request.params);
  return meta === undefined ? !("_meta" in request.params) : !(PROTOCOL_VERSION_META_KEY in meta);
}

/**
 * A 2026-07-28 request whose envelope has what the revision requires (a revision this server
 * speaks, the same in the header, client capabilities), with a matching `Mcp-Method`. The server
 * validates the envelope in full at dispatch, as the SDK's per-request path does after its
 * classifier; a flaw deeper inside it is then answered in-band, as there.
 */
export function plainModernRequest(body: unknown, version: string | undefined, methodHeader: string | undefined): JSONRPCRequest | undefined {
  const request = plainRequest(body);
  if (!request || request.method !== methodHeader || request.params === undefined) return undefined;
  const meta = metaOf(request.params);
  const claimed = meta?.[PROTOCOL_VERSION_META_KEY];
  if (typeof claimed !== "string" || claimed !== version || !MODERN_REVISIONS.includes(claimed)) return undefined;
  return isRecord(meta![CLIENT_CAPABILITIES_META_KEY]) ? request : undefined;
}

/** A plain `tools/call`, in the parts the SDK would hand its handler (see `ToolCallFastPath`). */
export interface PlainToolCall {
  params: { name: string; arguments?: Record<string, unknown> };
  /** The request's `_meta` without its envelope, as handlers see it: trace context, if any. */
  meta: Record<string, unknown> | undefined;
  /** The 2026-07-28 `_meta` envelope (protocol version, client capabilities and info); none in 2025. */
  envelope: Record<string, unknown> | undefined;
}

const TOOL_CALL_PARAMS = new Set(["name", "arguments", "_meta"]);
const ENVELOPE_KEYS = new Set([PROTOCOL_VERSION_META_KEY, CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY]);
const TRACE_CONTEXT_KEYS = new Set([TRACEPARENT_META_KEY, TRACESTATE_META_KEY, BAGGAGE_META_KEY]);

/**
 * A `tools/call` with nothing the SDK would act on beyond running the tool: a name, arguments,
 * trace context and, in 2026-07-28 (`modern`), an envelope. A progress token, a log level, a
 * retry's answers or state, a task, or any other member: undefined, and the SDK serves it.
 */
export function plainToolCall(request: JSONRPCRequest, modern: boolean): PlainToolCall | undefined {
  const params: unknown = request.params;
  if (request.method !== "tools/call" || !isRecord(params)) return undefined;
  for (const key in params) if (!TOOL_CALL_PARAMS.has(key)) return undefined;
  const { name, arguments: args, _meta: meta = {} } = params;
  if (typeof name !== "string" || (args !== undefined && !isRecord(args)) || !isRecord(meta)) return undefined;
  const envelope: Record<string, unknown> | undefined = modern ? {} : undefined;
  let rest: Record<string, unknown> | undefined;
  for (const key in meta) {
    const value = meta[key];
    if (envelope && ENVELOPE_KEYS.has(key)) envelope[key] = value;
    else if (TRACE_CONTEXT_KEYS.has(key) && typeof value === "string") (rest ??= {})[key] = value;
    else return undefined;
  }
  if (envelope && !(PROTOCOL_VERSION_META_KEY in envelope)) return undefined;
  return { params: args === undefined ? { name } : { name, arguments: args }, meta: rest, envelope };
}

interface PlainRequest extends JSONRPCRequest {
  params?: Record<string, unknown>;
}

function plainRequest(body: unknown): PlainRequest | undefined {
  if (!isRecord(body) || "result" in body || "error" in body) return undefined;
  const { jsonrpc, id, method, params } = body;
  if (jsonrpc !== "2.0" || typeof method !== "string" || (typeof id !== "string" && !Number.isSafeInteger(id))) return undefined;
  return params === undefined || isRecord(params) ? (body as unknown as PlainRequest) : undefined;
}

function metaOf(params: Record<string, unknown>): Record<string, unknown> | undefined {
  const meta = params._meta;
  return isRecord(meta) ? meta : undefined;
}
