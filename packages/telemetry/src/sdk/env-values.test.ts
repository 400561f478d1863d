import { describe, expect, it } from "vitest";
import { envList, envNumber, envPositiveNumber, exporterNames, otlpProtocol } from "./env-values.js";

const SUPPORTED = ["otlp", "console"] as const;

describe("envList", () => {
  it("splits, trims, drops empty entries and duplicates", () => {
    expect(envList({ OTEL_PROPAGATORS: " b3 ,, tracecontext,b3 " }, "OTEL_PROPAGATORS")).toEqual(["b3", "tracecontext"]);
    expect(envList({}, "OTEL_PROPAGATORS")).toEqual([]);
  });
});

describe("exporterNames", () => {
  it("defaults to otlp when the variable is unset or blank", () => {
    expect(exporterNames({}, "traces", SUPPORTED)).toEqual(["otlp"]);
    expect(exporterNames({ OTEL_METRICS_EXPORTER: " , " }, "metrics", SUPPORTED)).toEqual(["otlp"]);
  });
  it("returns nothing when none is listed, even beside other names", () => {
    expect(exporterNames({ OTEL_TRACES_EXPORTER: "none" }, "traces", SUPPORTED)).toEqual([]);
    expect(exporterNames({ OTEL_TRACES_EXPORTER: "console,none" }, "traces", SUPPORTED)).toEqual([]);
  });
  it("skips unknown names and keeps the supported ones in order", () => {
    expect(exporterNames({ OTEL_LOGS_EXPORTER: "zipkin,console,jaeger,otlp" }, "logs", SUPPORTED)).toEqual(["console", "otlp"]);
    expect(exporterNames({ OTEL_LOGS_EXPORTER: "zipkin" }, "logs", SUPPORTED)).toEqual([]);
  });
  it("reads the variable of the signal asked for", () => {
    const env = { OTEL_TRACES_EXPORTER: "console", OTEL_METRICS_EXPORTER: "none" };
    expect(exporterNames(env, "traces", SUPPORTED)).toEqual(["console"]);
    expect(exporterNames(env, "metrics", SUPPORTED)).toEqual([]);
    expect(exporterNames(env, "logs", SUPPORTED)).toEqual(["otlp"]);
  });
});

describe("otlpProtocol", () => {
  it("defaults to http/protobuf", () => {
    expect(otlpProtocol({}, "traces")).toBe("http/protobuf");
  });
  it("uses the general variable when the signal has none of its own", () => {
    expect(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "metrics")).toBe("grpc");
  });
  it("prefers the per-signal variable over the general one", () => {
    const env = { OTEL_EXPORTER_OTLP_PROTOCOL: "grpc", OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "http/json" };
    expect(otlpProtocol(env, "traces")).toBe("http/json");
    expect(otlpProtocol(env, "logs")).toBe("grpc");
  });
  it("falls back to http/protobuf on an unknown value", () => {
    expect(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: "thrift" }, "traces")).toBe("http/protobuf");
    expect(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: "grpc", OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: "udp" }, "logs")).toBe("http/protobuf");
  });
});

describe("envPositiveNumber", () => {
  it("reads a positive number, trimmed", () => {
    expect(envPositiveNumber({ OTEL_BSP_SCHEDULE_DELAY: " 250 " }, "OTEL_BSP_SCHEDULE_DELAY")).toBe(250);
    expect(envPositiveNumber({ OTEL_BSP_SCHEDULE_DELAY: "0.5" }, "OTEL_BSP_SCHEDULE_DELAY")).toBe(0.5);
  });
  it("rejects zero, negatives, text and infinity", () => {
    for (const value of ["0", "-5", "soon", "12ms", "Infinity"]) {
      expect(envPositiveNumber({ OTEL_BSP_SCHEDULE_DELAY: value }, "OTEL_BSP_SCHEDULE_DELAY")).toBeUndefined();
    }
  });
  it("is undefined when unset or blank", () => {
    expect(envPositiveNumber({}, "OTEL_BSP_SCHEDULE_DELAY")).toBeUndefined();
    expect(envPositiveNumber({ OTEL_BSP_SCHEDULE_DELAY: "  " }, "OTEL_BSP_SCHEDULE_DELAY")).toBeUndefined();
  });
});

describe("envNumber", () => {
  it("accepts zero (a limit may be 0) but not text", () => {
    expect(envNumber({ OTEL_SPAN_LINK_COUNT_LIMIT: "0" }, "OTEL_SPAN_LINK_COUNT_LIMIT")).toBe(0);
    expect(envNumber({ OTEL_SPAN_LINK_COUNT_LIMIT: "many" }, "OTEL_SPAN_LINK_COUNT_LIMIT")).toBeUndefined();
    expect(envNumber({}, "OTEL_SPAN_LINK_COUNT_LIMIT")).toBeUndefined();
  });
});
