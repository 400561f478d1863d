import { diag } from "@opentelemetry/api";

export type Signal = "traces" | "metrics" | "logs";
export type OtlpProtocol = "http/protobuf" | "http/json" | "grpc";

/** A comma-separated variable as distinct trimmed names; empty when unset. */
export function envList(env: NodeJS.ProcessEnv, name: string): string[] {
  const names = (env[name] ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** A numeric variable, or undefined (with a warning) when it is not a positive number. */
export function envPositiveNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (Number.isFinite(value) && value > 0) return value;
  diag.warn(`${name}=${raw} is not a positive number; using the default`);
  return undefined;
}

/** A numeric variable that may be zero (limits), or undefined when unset or not a number. */
export function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** The OTLP protocol for one signal: its own variable, then the general one, then http/protobuf. */
export function otlpProtocol(env: NodeJS.ProcessEnv, signal: Signal): OtlpProtocol {
  const variable = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_PROTOCOL`;
  const protocol = env[variable]?.trim() || env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim() || "http/protobuf";
  if (protocol === "http/protobuf" || protocol === "http/json" || protocol === "grpc") return protocol;
  diag.warn(`Unsupported OTLP ${signal} protocol "${protocol}"; using http/protobuf`);
  return "http/protobuf";
}

/**
 * The exporter names of a signal (`OTEL_TRACES_EXPORTER` and kin): `otlp` when unset, none when
 * `none` is listed. Unknown names are warned about and skipped, as the OpenTelemetry SDKs do.
 */
export function exporterNames<T extends string>(env: NodeJS.ProcessEnv, signal: Signal, supported: readonly T[]): T[] {
  const variable = `OTEL_${signal.toUpperCase()}_EXPORTER`;
  const names = envList(env, variable);
  if (names.length === 0) return ["otlp" as T];
  if (names.includes("none")) return [];
  return names.filter((name): name is T => {
    if ((supported as readonly string[]).includes(name)) return true;
    diag.warn(`Unsupported ${variable} value "${name}"; supported: ${supported.join(", ")}, none`);
    return false;
  });
}
