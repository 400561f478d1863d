import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; value: unknown } | { ok: false; reason: "too-large" } | { ok: false; reason: "malformed"; message: string };

/**
 * Reads a JSON body up to `limit` bytes. An oversized body is refused from its Content-Length when it
 * declares one, else as soon as the running total passes the limit, without buffering the rest.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limit) return Promise.resolve({ ok: false, reason: "too-large" });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd).pause();
      resolve({ ok: false, reason: "too-large" });
    };
    const onEnd = () => {
      const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch (error) {
        resolve({ ok: false, reason: "malformed", message: (error as Error).message });
      }
    };
    req.on("data", onData).once("end", onEnd).once("error", reject);
  });
}
