import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtlpReceiver } from "./otlp-receiver.js";
import { startServerProcess, type ServerProcess } from "@mcp-platform/test-services";

const fixture = fileURLToPath(new URL("../test/fixtures/outbound-server.mjs", import.meta.url));
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let server: ServerProcess;
const traceparents: (string | undefined)[] = [];
const downstream = createServer((req, res) => {
  traceparents.push(req.headers.traceparent as string | undefined);
  res.writeHead(204).end();
});
let downstreamUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => downstream.listen(0, "127.0.0.1", resolve));
  downstreamUrl = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/health`;
  receiver = await startOtlpReceiver();
  server = await startServerProcess(fixture, {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "100",
  });
});
afterAll(async () => {
  await server.stop();
  await receiver.close();
  downstream.close();
});

async function call(tool: string, spanId: string) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: tool, arguments: { url: downstreamUrl }, _meta: { traceparent: `00-${TRACE_ID}-${spanId}-01` } },
    }),
  });
  return (await response.json()) as { result: { content: { text: string }[] } };
}

describe("outbound calls of a tool handler", () => {
  it("makes a fetch (undici) call a CLIENT child of the tool span", async () => {
    expect((await call("fetch_status", "1111111111111111")).result.content[0]!.text).toBe("204");
    const toolSpan = await receiver.waitForSpan((s) => s.name === "tools/call fetch_status");
    const child = await receiver.waitForSpan((s) => s.kind === 3 && s.parentSpanId === toolSpan.spanId);
    expect(child.traceId).toBe(TRACE_ID);
    expect(child.attributes).toMatchObject({ "http.request.method": "GET", "server.address": "127.0.0.1" });
    expect(Number(child.attributes["http.response.status_code"])).toBe(204);
    expect(traceparents.at(-1)).toBe(`00-${TRACE_ID}-${child.spanId}-01`);
  });

  it("makes a node:http call a CLIENT child of the tool span", async () => {
    expect((await call("http_status", "2222222222222222")).result.content[0]!.text).toBe("204");
    const toolSpan = await receiver.waitForSpan((s) => s.name === "tools/call http_status");
    const child = await receiver.waitForSpan((s) => s.kind === 3 && s.parentSpanId === toolSpan.spanId);
    expect(child.traceId).toBe(TRACE_ID);
    expect(child.attributes["url.full"]).toBe(downstreamUrl);
    expect(traceparents.at(-1)).toBe(`00-${TRACE_ID}-${child.spanId}-01`);
  });

  it("does not trace the exporter's own OTLP requests", async () => {
    await receiver.waitForSpan((s) => s.kind === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exportPort = Number(new URL(receiver.endpoint).port);
    expect(receiver.spans.filter((s) => Number(s.attributes["server.port"]) === exportPort)).toEqual([]);
  });
});
