import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { StoredSpan } from "../sdk/file-span-exporter.js";

export interface Trace {
  traceId: string;
  startMs: number;
  endMs: number;
  spans: StoredSpan[];
}

/** Reads every embedded span file (current and rotated) in `directory`, grouped into traces, oldest first. */
export async function readTraces(directory: string): Promise<Trace[]> {
  const files = await readdir(directory).catch(() => [] as string[]);
  const spanFiles = files.filter((file) => /\.spans\.jsonl(\.1)?$/.test(file));
  const texts = await Promise.all(spanFiles.map((file) => readFile(join(directory, file), "utf8")));
  const byTrace = new Map<string, StoredSpan[]>();
  for (const line of texts.join("\n").split("\n")) {
    if (!line.trim()) continue;
    let span: StoredSpan;
    try {
      span = JSON.parse(line) as StoredSpan;
    } catch {
      continue; // a line cut by a crash mid-write; the rest of the file is still good
    }
    byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
  }
  return [...byTrace.entries()]
    .map(([traceId, spans]) => ({
      traceId,
      spans: spans.sort((a, b) => a.startMs - b.startMs),
      startMs: Math.min(...spans.map((s) => s.startMs)),
      endMs: Math.max(...spans.map((s) => s.startMs + s.durationMs)),
    }))
    .sort((a, b) => a.startMs - b.startMs);
}
