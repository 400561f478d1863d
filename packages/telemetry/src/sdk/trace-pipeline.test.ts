import { resourceFromAttributes } from "@opentelemetry/resources";
import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { samplerFromEnv, tracerProvider } from "./trace-pipeline.js";

describe("samplerFromEnv", () => {
  it("keeps the SDK default (undefined) when unset or blank", () => {
    expect(samplerFromEnv({})).toBeUndefined();
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "  " })).toBeUndefined();
  });
  it("builds always_on and always_off", () => {
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "always_on" })).toBeInstanceOf(AlwaysOnSampler);
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "always_off" })).toBeInstanceOf(AlwaysOffSampler);
  });
  it("builds traceidratio with OTEL_TRACES_SAMPLER_ARG", () => {
    const sampler = samplerFromEnv({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.25" });
    expect(sampler).toBeInstanceOf(TraceIdRatioBasedSampler);
    expect(sampler?.toString()).toBe("TraceIdRatioBased{0.25}");
  });
  it("falls back to a ratio of 1 when the argument is out of range, text or missing", () => {
    for (const arg of ["1.5", "-0.1", "half", undefined]) {
      const sampler = samplerFromEnv({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: arg });
      expect(sampler?.toString()).toBe("TraceIdRatioBased{1}");
    }
  });
  it("accepts the bounds 0 and 1 as ratios", () => {
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "0" })?.toString()).toBe("TraceIdRatioBased{0}");
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "1" })?.toString()).toBe("TraceIdRatioBased{1}");
  });
  it("builds the parent-based samplers around the named root", () => {
    const on = samplerFromEnv({ OTEL_TRACES_SAMPLER: "parentbased_always_on" });
    expect(on).toBeInstanceOf(ParentBasedSampler);
    expect(on?.toString()).toMatch(/^ParentBased\{root=AlwaysOnSampler,/);

    const off = samplerFromEnv({ OTEL_TRACES_SAMPLER: "parentbased_always_off" });
    expect(off).toBeInstanceOf(ParentBasedSampler);
    expect(off?.toString()).toMatch(/^ParentBased\{root=AlwaysOffSampler,/);

    const ratio = samplerFromEnv({ OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.25" });
    expect(ratio).toBeInstanceOf(ParentBasedSampler);
    expect(ratio?.toString()).toMatch(/^ParentBased\{root=TraceIdRatioBased\{0\.25\},/);
  });
  it("gives undefined for an unknown name", () => {
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "jaeger_remote" })).toBeUndefined();
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: "AlwaysOn" })).toBeUndefined();
  });
});

describe("tracerProvider", () => {
  const resource = resourceFromAttributes({ "service.name": "test" });

  it("is undefined when OTEL_TRACES_EXPORTER=none leaves nothing to export to", async () => {
    expect(await tracerProvider(resource, { OTEL_TRACES_EXPORTER: "none" })).toBeUndefined();
  });
  it("is undefined when every exporter name is unsupported", async () => {
    expect(await tracerProvider(resource, { OTEL_TRACES_EXPORTER: "zipkin" })).toBeUndefined();
  });
  it("gives a provider for the console exporter", async () => {
    const provider = await tracerProvider(resource, { OTEL_TRACES_EXPORTER: "console" });
    expect(provider).toBeInstanceOf(TracerProvider);
    await provider?.shutdown();
  });
  it("applies OTEL_TRACES_SAMPLER to the spans it starts", async () => {
    const off = await tracerProvider(resource, { OTEL_TRACES_EXPORTER: "console", OTEL_TRACES_SAMPLER: "always_off" });
    const on = await tracerProvider(resource, { OTEL_TRACES_EXPORTER: "console", OTEL_TRACES_SAMPLER: "always_on" });
    // Not ended, so the console exporter prints nothing.
    expect(off?.getTracer("test").startSpan("unsampled").isRecording()).toBe(false);
    expect(on?.getTracer("test").startSpan("sampled").isRecording()).toBe(true);
    await Promise.all([off?.shutdown(), on?.shutdown()]);
  });
});
