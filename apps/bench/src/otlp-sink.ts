import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A local OTLP/HTTP endpoint that accepts and drops everything: the kit exports for real, to it. */
export async function startOtlpSink(): Promise<{ endpoint: string; received: () => number; close: () => void }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received: () => received, close: () => server.close() };
}
