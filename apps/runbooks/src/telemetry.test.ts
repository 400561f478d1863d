import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startOtlpReceiver, startServerProcess } from "@mcp-platform/testing";
import { describe, expect, it, vi } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN_ID = "00f067aa0ba902b7";

function callTool(url: string, name: string, args: unknown, meta?: Record<string, unknown>) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args, _meta: meta } }),
  });
}

describe("telemetry exported over OTLP to a real receiver", () => {
  it("puts a tools/call with _meta.traceparent into that trace as a SERVER span, and exports the metrics", async () => {
    const receiver = await startOtlpReceiver();
    const server = await startServerProcess(entry, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "100",
      OTEL_METRIC_EXPORT_INTERVAL: "300",
    });
    try {
      const response = await callTool(server.url, "search_runbooks", { query: "kafka" }, { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` });
      expect(response.status).toBe(200);
      const span = await receiver.waitForSpan((s) => s.name === "tools/call search_runbooks");
      expect(span).toMatchObject({ traceId: TRACE_ID, parentSpanId: PARENT_SPAN_ID, kind: 2, service: "runbooks" });
      expect(span.attributes).toMatchObject({
        "mcp.method.name": "tools/call",
        "gen_ai.tool.name": "search_runbooks",
        "gen_ai.operation.name": "execute_tool",
        "jsonrpc.request.id": "1",
        "network.transport": "tcp",
        "client.address": "127.0.0.1",
      });
      const failed = await callTool(server.url, "get_runbook", { slug: "missing" });
      expect(await failed.json()).toMatchObject({ result: { isError: true } });
      const errorSpan = await receiver.waitForSpan((s) => s.name === "tools/call get_runbook");
      expect(errorSpan.attributes["error.type"]).toBe("tool_error");
      expect(errorSpan.status.code).toBe(2);

      const duration = await receiver.waitForMetric("mcp.server.operation.duration");
      expect(duration.unit).toBe("s");
      expect(duration.histogram!.dataPoints[0]!.explicitBounds).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]);
      const calls = await receiver.waitForMetric("mcp_platform.tool.calls", (metric) => JSON.stringify(metric.sum?.dataPoints).includes("get_runbook"));
      expect(JSON.stringify(calls.sum!.dataPoints)).toContain("tool_error");
    } finally {
      expect(await server.stop()).toBe(0);
      await receiver.close();
    }
  });

  it("records no tool arguments by default, and redacts secrets when recording is turned on", async () => {
    const receiver = await startOtlpReceiver();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_BSP_SCHEDULE_DELAY: "50" };
    const quiet = await startServerProcess(entry, env);
    const recording = await startServerProcess(entry, { ...env, MCP_TRACE_TOOL_PAYLOADS: "true" });
    try {
      const args = { query: "kafka", api_token: "s3cret-value" };
      await callTool(quiet.url, "search_runbooks", args, { traceparent: `00-${"a".repeat(32)}-${PARENT_SPAN_ID}-01` });
      await callTool(recording.url, "search_runbooks", args, { traceparent: `00-${"b".repeat(32)}-${PARENT_SPAN_ID}-01` });
      const withoutPayload = await receiver.waitForSpan((s) => s.traceId === "a".repeat(32));
      const withPayload = await receiver.waitForSpan((s) => s.traceId === "b".repeat(32));
      expect(withoutPayload.attributes["mcp_platform.tool.arguments"]).toBeUndefined();
      expect(JSON.parse(withPayload.attributes["mcp_platform.tool.arguments"] as string)).toEqual({ query: "kafka", api_token: "[redacted]" });
      expect(JSON.stringify(receiver.spans)).not.toContain("s3cret-value");
    } finally {
      await quiet.stop();
      await recording.stop();
      await receiver.close();
    }
  });

  it("flushes pending spans (http/protobuf) on SIGTERM before exiting", async () => {
    const receiver = await startOtlpReceiver();
    const server = await startServerProcess(entry, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      OTEL_BSP_SCHEDULE_DELAY: "600000",
    });
    await callTool(server.url, "get_runbook", { slug: "disk-pressure" }, { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` });
    expect(receiver.spans).toHaveLength(0);
    expect(await server.stop()).toBe(0);
    const span = receiver.spans.find((s) => s.name === "tools/call get_runbook");
    expect(span).toMatchObject({ traceId: TRACE_ID, parentSpanId: PARENT_SPAN_ID, kind: 2 });
    expect(receiver.contentTypes).toContain("application/x-protobuf");
    await receiver.close();
  });

  it("records a one-call stdio session, even one whose request waits in the pipe before the server is up", async () => {
    const receiver = await startOtlpReceiver();
    try {
      const env = {
        ...process.env,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "600000",
      };
      const child = spawn(process.execPath, [entry], { env, stdio: ["pipe", "pipe", "ignore"] });
      // Written at once, as a quick client does: the server finds them waiting when it starts reading.
      const call = {
        name: "search_runbooks",
        arguments: { query: "kafka" },
        _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} },
      };
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: call })}\n`);
      let output = "";
      await new Promise<void>((resolve) =>
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("kafka-consumer-lag")) resolve();
        }),
      );
      child.stdin.end();
      expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
      const span = await receiver.waitForSpan((s) => s.name === "tools/call search_runbooks", 3000);
      expect(span.attributes).toMatchObject({ "network.transport": "pipe", "gen_ai.tool.name": "search_runbooks", "mcp.protocol.version": "2026-07-28" });
    } finally {
      await receiver.close();
    }
  });

  it("takes an OpenTelemetry configuration file (OTEL_CONFIG_FILE) in place of the variables", async () => {
    const receiver = await startOtlpReceiver();
    const file = join(mkdtempSync(join(tmpdir(), "otel-config-")), "otel.yaml");
    writeFileSync(
      file,
      [
        'file_format: "1.0"',
        "resource:",
        "  attributes:",
        "    - name: service.name",
        "      value: runbooks-from-file",
        "tracer_provider:",
        "  processors:",
        "    - simple:",
        "        exporter:",
        "          otlp_http:",
        `            endpoint: ${receiver.endpoint}/v1/traces`,
        "            encoding: json",
        "propagator:",
        "  composite:",
        "    - tracecontext:",
        "",
      ].join("\n"),
    );
    const server = await startServerProcess(entry, { OTEL_CONFIG_FILE: file });
    try {
      await callTool(server.url, "search_runbooks", { query: "kafka" }, { traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01` });
      const span = await receiver.waitForSpan((s) => s.name === "tools/call search_runbooks");
      expect(span).toMatchObject({ traceId: TRACE_ID, parentSpanId: PARENT_SPAN_ID, service: "runbooks-from-file" });
    } finally {
      expect(await server.stop()).toBe(0);
      await receiver.close();
    }
  });

  it("keeps serving when the OTLP endpoint is a closed port, and still exits 0", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const server = await startServerProcess(entry, {
      OTEL_EXPORTER_OTLP_ENDPOINT: closed,
      OTEL_BSP_SCHEDULE_DELAY: "50",
      OTEL_METRIC_EXPORT_INTERVAL: "100",
    });
    for (let i = 0; i < 20; i++) {
      const response = await callTool(server.url, "search_runbooks", { query: "tls" });
      expect(await response.json()).toMatchObject({ result: { structuredContent: { results: [{ slug: "certificate-expiry" }] } } });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.child.exitCode).toBeNull();
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).not.toMatch(/Unhandled|uncaught/i);
  });
});

describe("telemetry under stdio", () => {
  it("never writes to stdout: every line there is a JSON-RPC message", async () => {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, OTEL_LOG_LEVEL: "debug", OTEL_BSP_SCHEDULE_DELAY: "10" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "search_runbooks", arguments: { query: "disk" } } });
    await vi.waitFor(() => expect(stdout.trim().split("\n")).toHaveLength(2), { timeout: 20_000, interval: 50 });
    child.stdin.end();
    await new Promise((resolve) => child.once("exit", resolve));
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  });

  it("refuses a console exporter under stdio with one clear line", async () => {
    const child = spawn(process.execPath, [entry], { env: { ...process.env, OTEL_TRACES_EXPORTER: "console" }, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("OTEL_TRACES_EXPORTER=console");
  });
});
