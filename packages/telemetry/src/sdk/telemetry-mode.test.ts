import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { telemetryMode } from "./telemetry-mode.js";

describe("telemetryMode", () => {
  it("uses the embedded file when nothing is configured", () => {
    expect(telemetryMode({}, "http")).toBe("embedded");
  });
  it("follows the standard variables when an endpoint or exporter is set", () => {
    expect(telemetryMode({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }, "http")).toBe("standard");
    expect(telemetryMode({ OTEL_TRACES_EXPORTER: "none" }, "stdio")).toBe("standard");
  });
  it("turns everything off with OTEL_SDK_DISABLED=true", () => {
    expect(telemetryMode({ OTEL_SDK_DISABLED: "TRUE", OTEL_EXPORTER_OTLP_ENDPOINT: "x" }, "http")).toBe("disabled");
  });
  it("refuses a console exporter under stdio, naming the variable", () => {
    expect(() => telemetryMode({ OTEL_METRICS_EXPORTER: "otlp,console" }, "stdio")).toThrow(/OTEL_METRICS_EXPORTER=console/);
    expect(telemetryMode({ OTEL_TRACES_EXPORTER: "console" }, "http")).toBe("standard");
  });
  it("refuses an OTLP endpoint no exporter could deliver to, saying what to give instead", () => {
    expect(() => telemetryMode({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318/v1/traces" }, "http")).toThrow(
      "Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318/v1/traces ends with /v1/traces, which the exporters add to it themselves: give the collector's base URL (http://otel-collector:4318), or set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT to the full URL instead",
    );
    expect(() => telemetryMode({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://gateway.example/otlp/v1/metrics/" }, "http")).toThrow(
      /base URL \(https:\/\/gateway\.example\/otlp\), or set OTEL_EXPORTER_OTLP_METRICS_ENDPOINT/,
    );
    expect(() => telemetryMode({ OTEL_EXPORTER_OTLP_ENDPOINT: "otel-collector:4318" }, "http")).toThrow(
      "Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT=otel-collector:4318 is not an http(s) URL; give one such as http://otel-collector:4318",
    );
    expect(() => telemetryMode({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "collector/v1/traces" }, "http")).toThrow(
      /^Invalid configuration: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=/,
    );
  });
  it("takes a base URL with a path of its own, a full signal URL where it belongs, and gRPC endpoints as they are", () => {
    expect(telemetryMode({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://gateway.example/otlp" }, "http")).toBe("standard");
    expect(telemetryMode({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://otel-collector:4318/v1/traces" }, "http")).toBe("standard");
    expect(telemetryMode({ OTEL_EXPORTER_OTLP_ENDPOINT: "otel-collector:4317", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "http")).toBe("standard");
  });
  it("takes an existing OTEL_CONFIG_FILE as standard configuration and refuses a missing one in one line", () => {
    expect(telemetryMode({ OTEL_CONFIG_FILE: fileURLToPath(import.meta.url) }, "http")).toBe("standard");
    expect(() => telemetryMode({ OTEL_CONFIG_FILE: "/nonexistent/otel.yaml" }, "http")).toThrow(
      /^Invalid configuration: OTEL_CONFIG_FILE=\/nonexistent\/otel.yaml does not exist/,
    );
  });
});
