import type { IncomingMessage } from "node:http";

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: "too-large" }
  | { ok: false; reason: "malformed"; message: string };

/**
 * Reads a JSON body up to `limit` bytes. An oversized body is refused from its Content-Length when it
 * declares one, else as soon as the running total passes the limit, without buffering the rest.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limit) return { ok: false, reason: "too-large" };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, reason: "too-large" };
    chunks.push(chunk);
  }
  const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: "malformed", message: (error as Error).message };
  }
}
