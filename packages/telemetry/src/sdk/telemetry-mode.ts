import { existsSync } from "node:fs";
import { otlpEndpointProblem } from "./otlp-endpoint.js";
import { otlpHeadersProblem } from "./otlp-headers.js";
/** Where telemetry goes, decided from the standard OpenTelemetry variables. */
export type TelemetryMode = "disabled" | "standard" | "embedded";

export class TelemetryConfigError extends Error {
  /** The server runtime reports errors of this name as one configuration line, no stack trace. */
  override readonly name = "ConfigError";
}

/**
 * `OTEL_SDK_DISABLED=true` turns telemetry off; any explicit exporter or OTLP endpoint means the
 * operator configured OpenTelemetry the standard way; otherwise the embedded local file is used.
 */
export function telemetryMode(env: NodeJS.ProcessEnv, transport: string): TelemetryMode {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return "disabled";
  if (transport === "stdio") {
    for (const variable of ["OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER"]) {
      if (env[variable]?.split(",").some((name) => name.trim() === "console")) {
        throw new TelemetryConfigError(
          `Invalid configuration: ${variable}=console would write to stdout, which carries the protocol under stdio; use otlp or the embedded default`,
        );
      }
    }
  }
  const configFile = env.OTEL_CONFIG_FILE?.trim();
  if (configFile && !existsSync(configFile)) {
    throw new TelemetryConfigError(
      `Invalid configuration: OTEL_CONFIG_FILE=${configFile} does not exist; point it at an OpenTelemetry configuration file or unset it`,
    );
  }
  const otlpProblem = otlpEndpointProblem(env) ?? otlpHeadersProblem(env);
  if (otlpProblem) throw new TelemetryConfigError(`Invalid configuration: ${otlpProblem}`);
  const configured = ["OTEL_TRACES_EXPORTER", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_CONFIG_FILE"];
  return configured.some((variable) => env[variable]) ? "standard" : "embedded";
}
