import { describe, expect, it } from "vitest";
import { prometheusName, prometheusSeries } from "./prometheus-names.js";
import { ATTR, PLATFORM_ATTR } from "./semconv.js";

describe("prometheusSeries", () => {
  it("spells counters with _total and histograms as _bucket, _sum and _count with their unit", () => {
    const series = prometheusSeries();
    expect(series).toContain("mcp_platform_tool_calls_total");
    expect(series).toContain("mcp_platform_deprecated_tool_calls_total");
    expect(series).toContain("mcp_platform_auth_failures_total");
    expect(series).toEqual(expect.arrayContaining(["_bucket", "_sum", "_count"].map((s) => `mcp_server_operation_duration_seconds${s}`)));
    expect(series).not.toContain("mcp_server_operation_duration_seconds_total");
    expect(series).not.toContain("mcp_platform_tool_calls_call_total");
  });

  it("has one entry per counter and three per histogram", () => {
    expect(prometheusSeries()).toHaveLength(7 + 2 * 3);
  });
});

describe("prometheusName", () => {
  it("turns attribute names into label names", () => {
    expect(prometheusName(ATTR.genAiToolName)).toBe("gen_ai_tool_name");
    expect(prometheusName(PLATFORM_ATTR.approvalDecision)).toBe("mcp_platform_approval_decision");
  });
});
