import { describe, expect, it } from "vitest";
import type { StoredSpan } from "../sdk/file-span-exporter.js";
import { renderWaterfall } from "./waterfall.js";

const span = (overrides: Partial<StoredSpan>): StoredSpan => ({
  traceId: "t1",
  spanId: "s1",
  name: "tools/call set_maintenance",
  kind: 1,
  service: "inventory",
  startMs: 1000,
  durationMs: 100,
  status: { code: 0 },
  attributes: {},
  events: [],
  links: [],
  ...overrides,
});

describe("renderWaterfall", () => {
  it("nests children under their parent with bars on one timeline, and shows decisions and errors", () => {
    const trace = {
      traceId: "t1",
      startMs: 1000,
      endMs: 1100,
      spans: [
        span({
          parentSpanId: "from-the-client",
          attributes: { "gen_ai.tool.name": "set_maintenance", "jsonrpc.request.id": "7" },
          events: [{ name: "mcp_platform.approval", timeMs: 1010, attributes: { "mcp_platform.approval.decision": "granted" } }],
        }),
        span({ spanId: "s2", parentSpanId: "s1", name: "POST", kind: 2, startMs: 1050, durationMs: 50, status: { code: 2, message: "503" } }),
      ],
    };
    const lines = renderWaterfall(trace, { width: 10 }).split("\n");
    expect(lines[1]).toMatch(/^ {2}tools\/call set_maintenance\s+SERVER\s+█{10}\s+100\.0 ms\s+ok$/);
    expect(lines[2]).toContain("gen_ai.tool.name=set_maintenance");
    expect(lines[2]).not.toContain("jsonrpc.request.id");
    expect(lines[3]).toContain("⚑ approval approval.decision=granted");
    expect(lines[4]).toMatch(/^ {4}POST\s+CLIENT\s+ {5}█{5}\s+50\.0 ms\s+ERROR 503$/);
  });
});
