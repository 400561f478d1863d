import { context, propagation, ROOT_CONTEXT, trace, type Context, type Link } from "@opentelemetry/api";

type Carrier = Record<string, unknown>;

export interface ParentContext {
  parent: Context;
  links: Link[];
}

/**
 * The parent of a request span: W3C context from `params._meta` (traceparent, tracestate, baggage)
 * wins, as the MCP conventions say, because it follows the agent's call across transports; the
 * ambient HTTP context (headers) then becomes a link. Without either, the active context.
 */
export function parentContext(meta: Carrier | undefined, headers: Carrier | undefined): ParentContext {
  const fromMeta = meta?.traceparent === undefined ? undefined : propagation.extract(ROOT_CONTEXT, meta);
  const fromHeaders = headers?.traceparent === undefined ? undefined : propagation.extract(ROOT_CONTEXT, headers);
  const metaSpan = fromMeta && trace.getSpanContext(fromMeta);
  const headerSpan = fromHeaders && trace.getSpanContext(fromHeaders);
  if (metaSpan && fromMeta) {
    return { parent: fromMeta, links: headerSpan ? [{ context: headerSpan }] : [] };
  }
  return { parent: headerSpan && fromHeaders ? fromHeaders : context.active(), links: [] };
}
