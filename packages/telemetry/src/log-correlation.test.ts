import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { AlwaysOffSampler, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { traceLogFields } from "./log-correlation.js";

beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
afterAll(() => context.disable());

describe("traceLogFields", () => {
  it("gives the active span's ids under OpenTelemetry's log field names, across awaits, and nothing outside a span", async () => {
    const span = new TracerProvider().getTracer("test").startSpan("tools/call echo");
    const { traceId, spanId } = span.spanContext();
    const fields = await context.with(trace.setSpan(context.active(), span), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return traceLogFields();
    });
    expect(fields).toEqual({ trace_id: traceId, span_id: spanId, trace_flags: "01" });
    expect(traceLogFields()).toEqual({});
  });

  it("marks a span the sampler dropped, whose trace the backend will not have", () => {
    const span = new TracerProvider({ sampler: new AlwaysOffSampler() }).getTracer("test").startSpan("tools/call echo");
    expect(context.with(trace.setSpan(context.active(), span), traceLogFields)).toMatchObject({ trace_flags: "00" });
  });
});
