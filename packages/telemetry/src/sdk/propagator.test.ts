import { ROOT_CONTEXT, TraceFlags, defaultTextMapSetter, propagation, trace, type TextMapPropagator } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { propagatorFromEnv } from "./propagator.js";

const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
const SPAN_ID = "b7ad6b7169203331";

/** The headers a propagator writes for a sampled span context carrying the baggage `user=alice`. */
function inject(propagator: TextMapPropagator): Record<string, string> {
  const withSpan = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED });
  const context = propagation.setBaggage(withSpan, propagation.createBaggage({ user: { value: "alice" } }));
  const carrier: Record<string, string> = {};
  propagator.inject(context, carrier, defaultTextMapSetter);
  return carrier;
}

describe("propagatorFromEnv", () => {
  it("injects traceparent and baggage by default", async () => {
    const propagator = await propagatorFromEnv({});
    expect(propagator).toBeDefined();
    expect(inject(propagator!)).toEqual({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, baggage: "user=alice" });
  });
  it("is undefined for none, even beside other names", async () => {
    expect(await propagatorFromEnv({ OTEL_PROPAGATORS: "none" })).toBeUndefined();
    expect(await propagatorFromEnv({ OTEL_PROPAGATORS: "tracecontext,none" })).toBeUndefined();
  });
  it("injects only what is listed", async () => {
    const propagator = await propagatorFromEnv({ OTEL_PROPAGATORS: "tracecontext" });
    expect(Object.keys(inject(propagator!))).toEqual(["traceparent"]);
  });
  it("injects a single b3 header for b3", async () => {
    const propagator = await propagatorFromEnv({ OTEL_PROPAGATORS: "b3" });
    expect(inject(propagator!)).toEqual({ b3: `${TRACE_ID}-${SPAN_ID}-1` });
  });
  it("injects the x-b3-* headers for b3multi", async () => {
    const propagator = await propagatorFromEnv({ OTEL_PROPAGATORS: "b3multi" });
    const headers = inject(propagator!);
    expect(headers).toMatchObject({ "x-b3-traceid": TRACE_ID, "x-b3-spanid": SPAN_ID, "x-b3-sampled": "1" });
    expect(headers).not.toHaveProperty("b3");
    expect(headers).not.toHaveProperty("traceparent");
  });
  it("skips unknown names and keeps the rest", async () => {
    const propagator = await propagatorFromEnv({ OTEL_PROPAGATORS: "xray, baggage" });
    expect(inject(propagator!)).toEqual({ baggage: "user=alice" });
    expect(await propagatorFromEnv({ OTEL_PROPAGATORS: "xray,ottrace" })).toBeUndefined();
  });
});
