import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtlpReceiver, type ReceivedSpan } from "./otlp-receiver.js";
import { startServerProcess, type ServerProcess } from "@mcp-platform/test-services";

const fixture = fileURLToPath(new URL("../test/fixtures/outbound-server.mjs", import.meta.url));
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let server: ServerProcess;
/** The same server exporting http/protobuf, the OTLP default. */
let protobufServer: ServerProcess;
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
  const exportTo = (protocol: string) => ({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
    OTEL_BSP_SCHEDULE_DELAY: "100",
  });
  [server, protobufServer] = await Promise.all([startServerProcess(fixture, exportTo("http/json")), startServerProcess(fixture, exportTo("http/protobuf"))]);
});
afterAll(async () => {
  await Promise.all([server.stop(), protobufServer.stop()]);
  await receiver.close();
  downstream.close();
});

async function call(tool: string, spanId: string, url = server.url, traceId = TRACE_ID) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: tool, arguments: { url: downstreamUrl }, _meta: { traceparent: `00-${traceId}-${spanId}-01` } },
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

describe("the receiver", () => {
  it("decodes spans exported as http/protobuf as it decodes their http/json export: attributes, events, status, service", async () => {
    const traceIds = { json: "1bf7651916cd43dd8448eb211c80319d", protobuf: "2cf7651916cd43dd8448eb211c80319e" };
    // A deprecated tool (an event, a bool attribute) whose outbound call is a CLIENT child (int attributes), and an unknown tool (an error status).
    await call("get_status", "4444444444444444", server.url, traceIds.json);
    await call("get_status", "5555555555555555", protobufServer.url, traceIds.protobuf);
    await call("no_such_tool", "6666666666666666", server.url, traceIds.json);
    await call("no_such_tool", "7777777777777777", protobufServer.url, traceIds.protobuf);
    const decoded = async (traceId: string) => {
      const spans = await Promise.all(
        [
          (s: ReceivedSpan) => s.name === "tools/call get_status",
          (s: ReceivedSpan) => s.kind === 3,
          (s: ReceivedSpan) => s.name.startsWith("tools/call no_such_tool"),
        ].map((matches) => receiver.waitForSpan((s) => s.traceId === traceId && matches(s))),
      );
      // Two processes: their spans' ids and their resources' process and instance ids differ.
      return spans.map(({ traceId: _trace, spanId: _span, parentSpanId: _parent, resource, ...shape }) => {
        const { "process.pid": _pid, "service.instance.id": _instance, ...sameResource } = resource;
        return { ...shape, resource: sameResource };
      });
    };
    const [fromJson, fromProtobuf] = await Promise.all([decoded(traceIds.json), decoded(traceIds.protobuf)]);
    const [deprecated, outbound, failed] = fromProtobuf;
    expect(deprecated).toMatchObject({ service: "outbound", attributes: { "gen_ai.tool.name": "get_status", "mcp_platform.deprecation.active": true } });
    expect(deprecated!.events.map((event) => event.name)).toEqual([expect.stringContaining("deprecat")]);
    expect(deprecated!.resource["process.command_args"]).toEqual([process.execPath, fixture]);
    expect(outbound!.attributes["http.response.status_code"]).toBe(204);
    expect(failed!.status.code).toBe(2);
    expect(fromProtobuf).toEqual(fromJson);
    expect(receiver.contentTypes).toContain("application/x-protobuf");
  });
});
