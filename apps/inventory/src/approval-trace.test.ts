import { fileURLToPath } from "node:url";
import { mcpHttpRequest } from "@mcp-platform/server/internal";
import { startOtlpReceiver, startServerProcess, type ReceivedSpan } from "@mcp-platform/testing";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const TRACE_ID = "6e0c63257de34c92bf9efcd03927272e";
const AGENT_SPAN = "53995c3f42cd8ad8";
const request = { service: "payments-api", enabled: true, reason: "trace test" };

async function call(url: string, protocol: string, params: Record<string, unknown>) {
  const { headers, body } = mcpHttpRequest({ id: 1, method: "tools/call", params }, protocol, { elicitation: { form: {} } });
  return ((await (await fetch(url, { method: "POST", headers, body })).json()) as { result: Record<string, unknown> }).result;
}

const approvalEvents = (span: ReceivedSpan) => span.events.filter((event) => event.name === "mcp_platform.approval").map((event) => event.attributes);

describe("the rounds of an approval, as telemetry shows them (real process, OTLP)", () => {
  it("puts both rounds in the agent's trace, with the revision each declared and the human's decision", async () => {
    const receiver = await startOtlpReceiver();
    const server = await startServerProcess(entry, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "50",
    });
    try {
      const _meta = { traceparent: `00-${TRACE_ID}-${AGENT_SPAN}-01` };
      const asked = await call(server.url, "2026-07-28", { name: "set_maintenance_mode", arguments: request, _meta });
      expect(asked).toMatchObject({ resultType: "input_required" });
      const answer = { requestState: asked.requestState, inputResponses: { approval: { action: "accept", content: { approve: true } } } };
      const done = await call(server.url, "2026-07-28", { name: "set_maintenance_mode", arguments: request, _meta, ...answer });
      expect(done).toMatchObject({ resultType: "complete" });
      await call(server.url, "2025-11-25", { name: "list_services", arguments: {}, _meta: { traceparent: `00-${"c".repeat(32)}-${AGENT_SPAN}-01` } });

      const rounds = () => receiver.spans.filter((span) => span.traceId === TRACE_ID && span.name === "tools/call set_maintenance_mode");
      await receiver.waitForSpan(() => rounds().length === 2);
      for (const span of rounds()) {
        expect(span).toMatchObject({ parentSpanId: AGENT_SPAN, kind: 2 });
        expect(span.attributes["mcp.protocol.version"]).toBe("2026-07-28");
      }
      const decisions = rounds().flatMap(approvalEvents);
      expect(decisions).toEqual(
        expect.arrayContaining([
          { "mcp_platform.approval.decision": "requested", "mcp_platform.approval.method": "mrtr" },
          { "mcp_platform.approval.decision": "granted", "mcp_platform.approval.method": "mrtr" },
        ]),
      );
      const legacy = await receiver.waitForSpan((span) => span.traceId === "c".repeat(32));
      expect(legacy.attributes["mcp.protocol.version"]).toBe("2025-11-25");

      // The audit lines on stderr link to the span of the round that took each decision.
      const lines = server
        .stderr()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const audit = lines.filter((line) => line.audit === true && line.tool === "set_maintenance_mode");
      const roundThat = (decision: string) =>
        rounds().find((span) => approvalEvents(span).some((event) => event["mcp_platform.approval.decision"] === decision))!;
      const [asking, answering] = [roundThat("requested"), roundThat("granted")];
      expect(audit.map((line) => [line.msg, line.trace_id, line.span_id])).toEqual([
        ["scope: allowed", TRACE_ID, asking.spanId],
        ["approval: requested", TRACE_ID, asking.spanId],
        ["scope: allowed", TRACE_ID, answering.spanId],
        ["approval: granted", TRACE_ID, answering.spanId],
        ["action: done", TRACE_ID, answering.spanId],
      ]);
      expect(audit[0]).toHaveProperty("trace_flags", "01");
      expect(lines.find((line) => line.msg === "serving MCP over Streamable HTTP")).not.toHaveProperty("trace_id");
    } finally {
      expect(await server.stop()).toBe(0);
      await receiver.close();
    }
  });
});
