import { describe, expect, it } from "vitest";
import { otlpPortMismatch } from "./otlp-endpoint.js";

describe("otlpPortMismatch", () => {
  it("points out an endpoint on the other protocol's conventional port, naming both", () => {
    expect(otlpPortMismatch({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317" })).toBe(
      "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317 is on port 4317, the collector's OTLP/gRPC port, but the protocol is http/protobuf (OTEL_EXPORTER_OTLP_PROTOCOL): exports there fail unless the collector listens otherwise; its http/protobuf port is 4318",
    );
    expect(otlpPortMismatch({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318/", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toMatch(
      /is on port 4318, the collector's OTLP\/HTTP port, but the protocol is grpc .*its grpc port is 4317$/,
    );
  });

  it("says nothing for the matching port, another port, or no port", () => {
    expect(otlpPortMismatch({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318" })).toBeUndefined();
    expect(otlpPortMismatch({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toBeUndefined();
    expect(otlpPortMismatch({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://otlp.example.com/otlp" })).toBeUndefined();
    expect(otlpPortMismatch({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:39517" })).toBeUndefined();
    expect(otlpPortMismatch({})).toBeUndefined();
  });
});
