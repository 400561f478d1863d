import { Pool } from "undici";
import { callBody, loadHeaders, type LoadCall, type Protocol } from "./wire.js";

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** Stop after this many calls in all, if that comes before the duration ends. */
  calls?: number;
  protocol: Protocol;
  call: LoadCall;
  headers?: Record<string, string>;
}

/**
 * A keep-alive load client (undici, one connection per caller): `concurrency` callers each send one
 * `tools/call` after another for the duration (or until `calls` were sent), in the given revision, and every reply is checked
 * (status, JSON-RPC id, the text that only this request's arguments produce), so crossed or wrong
 * replies count as errors, never as throughput.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.concurrency, pipelining: 1 });
  const headers = { ...loadHeaders(options.protocol, options.call.tool), ...options.headers };
  const latenciesMs: number[] = [];
  let errors = 0;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const calls = options.calls ?? Number.POSITIVE_INFINITY;
  const caller = async () => {
    while (performance.now() < deadline && sequence < calls) {
      const id = ++sequence;
      const sent = performance.now();
      const ok = await send(pool, target.pathname, headers, callBody(options.protocol, options.call, id), id, options.call.expected(id)).catch(() => false);
      if (ok) latenciesMs.push(performance.now() - sent);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  await pool.close();
  return { requests: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs };
}

async function send(pool: Pool, path: string, headers: Record<string, string>, body: string, id: number, expected: string): Promise<boolean> {
  const response = await pool.request({ path, method: "POST", headers, body });
  const raw = await response.body.text();
  if (response.statusCode !== 200) return false;
  const json = raw.startsWith("{") ? raw : (/^data: (.*)$/m.exec(raw)?.[1] ?? "{}");
  const reply = JSON.parse(json) as { id?: number; result?: { content?: { text?: string }[] } };
  return reply.id === id && reply.result?.content?.[0]?.text === expected;
}
