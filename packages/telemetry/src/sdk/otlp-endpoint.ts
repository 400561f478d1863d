import { otlpProtocol, type Signal } from "./env-values.js";

const SIGNALS: readonly Signal[] = ["traces", "metrics", "logs"];

/**
 * An OTLP endpoint no exporter could deliver to, said in one line at start. Left alone, the
 * exporters fall back to localhost for a value that is not a URL, or post to a doubled path
 * (`…/v1/traces/v1/traces`) when the general endpoint already names a signal's path, as the
 * signal-specific variables do: every span is lost to a stream of errors, or without one.
 */
export function otlpEndpointProblem(env: NodeJS.ProcessEnv): string | undefined {
  for (const signal of SIGNALS) {
    const variable = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`;
    const value = env[variable]?.trim();
    if (value && otlpProtocol(env, signal) !== "grpc" && !httpUrl(value)) return notUrl(variable, value);
  }
  const general = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!general || otlpProtocol(env, "traces") === "grpc") return undefined;
  const url = httpUrl(general);
  if (!url) return notUrl("OTEL_EXPORTER_OTLP_ENDPOINT", general);
  const signalPath = /\/v1\/(traces|metrics|logs)\/?$/.exec(url.pathname);
  if (!signalPath) return undefined;
  const base = general.slice(0, general.lastIndexOf(signalPath[0])) || url.origin;
  return (
    `OTEL_EXPORTER_OTLP_ENDPOINT=${general} ends with ${signalPath[0]}, which the exporters add to it themselves: give the collector's ` +
    `base URL (${base}), or set OTEL_EXPORTER_OTLP_${signalPath[1]!.toUpperCase()}_ENDPOINT to the full URL instead`
  );
}

/** The collector's conventional ports: OTLP/gRPC on 4317, OTLP/HTTP on 4318. */
const PORT_OF = { grpc: "4317", http: "4318" } as const;

/**
 * A general endpoint on the other protocol's conventional port, which fails every export with an
 * error that does not say why (a gRPC port answering HTTP/1.1, or the reverse). Only a warning: a
 * collector may listen anywhere.
 */
export function otlpPortMismatch(env: NodeJS.ProcessEnv): string | undefined {
  const general = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const port = general && /:(\d+)(?:\/|$)/.exec(general)?.[1];
  if (!port) return undefined;
  const protocol = otlpProtocol(env, "traces");
  const expected = protocol === "grpc" ? PORT_OF.grpc : PORT_OF.http;
  const other = protocol === "grpc" ? PORT_OF.http : PORT_OF.grpc;
  if (port !== other) return undefined;
  return `OTEL_EXPORTER_OTLP_ENDPOINT=${general} is on port ${port}, the collector's ${protocol === "grpc" ? "OTLP/HTTP" : "OTLP/gRPC"} port, but the protocol is ${protocol} (OTEL_EXPORTER_OTLP_PROTOCOL): exports there fail unless the collector listens otherwise; its ${protocol} port is ${expected}`;
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function notUrl(variable: string, value: string): string {
  return `${variable}=${value} is not an http(s) URL; give one such as http://otel-collector:4318`;
}
