import type { StoredSpan } from "../sdk/file-span-exporter.js";
import type { Trace } from "./read-spans.js";

export interface WaterfallOptions {
  color?: boolean;
  /** Width of the timeline in characters. */
  width?: number;
}

const KINDS = ["INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
const KEY_ATTRIBUTES =
  /^(gen_ai\.tool\.name|gen_ai\.prompt\.name|mcp\.resource\.uri|error\.type|client\.address|mcp\.session\.id|http\.request\.method|http\.response\.status_code|url\.full|mcp_platform\.principal\.subject)$/;
/** Decision events already carry the principal on the span; the waterfall shows only what was decided. */
const EVENT_DETAIL = /^mcp_platform\.(?!principal\.)/;

/** A trace as a terminal waterfall: one row per span, indented by depth, with a bar on a shared timeline. */
export function renderWaterfall(trace: Trace, options: WaterfallOptions = {}): string {
  const width = options.width ?? 32;
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const total = Math.max(trace.endMs - trace.startMs, 0.001);
  const ids = new Set(trace.spans.map((s) => s.spanId));
  const children = new Map<string | undefined, StoredSpan[]>();
  for (const span of trace.spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const service = trace.spans[0]?.service ?? "unknown";
  const lines = [paint("1", `trace ${trace.traceId}  ${service}  ${new Date(trace.startMs).toISOString()}  ${formatMs(total)}`)];
  const visit = (span: StoredSpan, depth: number) => {
    const failed = span.status.code === 2;
    const offset = Math.round(((span.startMs - trace.startMs) / total) * width);
    const length = Math.max(1, Math.round((span.durationMs / total) * width));
    const bar = " ".repeat(Math.min(offset, width - 1)) + "█".repeat(Math.min(length, width - Math.min(offset, width - 1)));
    const label = `${"  ".repeat(depth)}${span.name}`.padEnd(36);
    const status = failed ? paint("31", `ERROR ${span.status.message ?? ""}`.trim()) : paint("32", "ok");
    lines.push(
      `  ${label} ${(KINDS[span.kind] ?? "").padEnd(8)} ${paint(failed ? "31" : "36", bar.padEnd(width))} ${formatMs(span.durationMs).padStart(9)}  ${status}`,
    );
    const attributes = Object.entries(span.attributes).filter(([key]) => KEY_ATTRIBUTES.test(key));
    if (attributes.length) lines.push(paint("2", `  ${"  ".repeat(depth)}  ${attributes.map(([k, v]) => `${k}=${String(v)}`).join("  ")}`));
    for (const event of span.events) {
      const detail = Object.entries(event.attributes ?? {})
        .filter(([key]) => EVENT_DETAIL.test(key))
        .map(([key, value]) => `${key.replace(/^mcp_platform\./, "")}=${String(value)}`);
      lines.push(paint("33", `  ${"  ".repeat(depth)}  ⚑ ${event.name.replace(/^mcp_platform\./, "")} ${detail.join(" ")}`.trimEnd()));
    }
    for (const child of children.get(span.spanId) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(undefined) ?? []) visit(root, 0);
  return lines.join("\n");
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
