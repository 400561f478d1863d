import { describe, expect, it } from "vitest";
import { otlpHeadersProblem } from "./otlp-headers.js";
import { telemetryMode } from "./telemetry-mode.js";

describe("otlpHeadersProblem", () => {
  it("refuses a header written as HTTP writes it, naming the header and never its value", () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: "https://otlp.example.com", OTEL_EXPORTER_OTLP_HEADERS: "x-team=platform,Authorization: Bearer s3cr3t" };
    expect(() => telemetryMode(env, "http")).toThrow(
      'Invalid configuration: OTEL_EXPORTER_OTLP_HEADERS has an entry for "Authorization" that is not name=value, which the exporters drop or send broken: write it as Authorization=value (percent-encode spaces: Authorization=Bearer%20…)',
    );
    expect(() => telemetryMode(env, "http")).not.toThrow(/s3cr3t/);
    const padded = { OTEL_EXPORTER_OTLP_HEADERS: "Authorization: Basic czNjcjN0=" };
    expect(otlpHeadersProblem(padded)).toMatch(/^OTEL_EXPORTER_OTLP_HEADERS has an entry for "Authorization" that is not name=value/);
    expect(otlpHeadersProblem(padded)).not.toContain("czNjcjN0");
  });

  it("refuses a value that is not valid percent-encoding, in a signal's own variable too", () => {
    expect(otlpHeadersProblem({ OTEL_EXPORTER_OTLP_TRACES_HEADERS: "x-team=platform, api-key=50%off" })).toBe(
      'OTEL_EXPORTER_OTLP_TRACES_HEADERS has a value for "api-key" that is not valid percent-encoding, which the exporters drop: encode % as %25',
    );
  });

  it("takes what the exporters take: name=value pairs, encoded or plain, with spaces around", () => {
    expect(otlpHeadersProblem({ OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Bearer%20abc, x-team = platform ,api-key=a b" })).toBeUndefined();
    expect(otlpHeadersProblem({})).toBeUndefined();
  });
});
