import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A minimal bridge between node:http and the SDK's web-standard handlers. The body is already
 * parsed (and size-limited) by the kit, so only the method, URL and headers cross over; the
 * request's signal aborts when the client goes away (a listen stream ends with it).
 */
export function toWebRequest(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  return new Request(`http://localhost${req.url ?? "/"}`, { method: req.method ?? "GET", headers, signal: gone.signal });
}

/**
 * Writes a web `Response` to node's `res`, streaming SSE bodies chunk by chunk until either side
 * ends. A stream quiet for `keepAliveMs` gets an SSE comment line (`:`), as 2026-07-28 advises for
 * listen streams: proxies and load balancers close connections idle for a minute or so, and
 * notifications sent while a client reconnects are lost. Comments go only between lines.
 */
export async function sendWebResponse(response: Response, res: ServerResponse, keepAliveMs = 0): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  if (!headers["content-type"]?.startsWith("text/event-stream")) {
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...headers, "content-length": String(body.length) }).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  res.once("close", cancel);
  let atLineStart = true;
  // Restarted by every write, so it fires only after keepAliveMs of silence, then every keepAliveMs.
  const keepAlive = keepAliveMs > 0 ? setInterval(() => atLineStart && res.write(":\n"), keepAliveMs).unref() : undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
      keepAlive?.refresh();
      atLineStart = value.at(-1) === 0x0a;
    }
  } catch {
    // The client went away or the transport closed the stream: nothing left to deliver.
  } finally {
    clearInterval(keepAlive);
    res.off("close", cancel);
    res.end();
  }
}
