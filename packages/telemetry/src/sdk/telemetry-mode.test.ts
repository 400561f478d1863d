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
  it("takes an existing OTEL_CONFIG_FILE as standard configuration and refuses a missing one in one line", () => {
    expect(telemetryMode({ OTEL_CONFIG_FILE: fileURLToPath(import.meta.url) }, "http")).toBe("standard");
    expect(() => telemetryMode({ OTEL_CONFIG_FILE: "/nonexistent/otel.yaml" }, "http")).toThrow(
      /^Invalid configuration: OTEL_CONFIG_FILE=\/nonexistent\/otel.yaml does not exist/,
    );
  });
});
