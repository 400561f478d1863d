import { metrics, type Counter, type Histogram, type MeterProvider } from "@opentelemetry/api";
import { DURATION_BUCKETS, INSTRUMENTATION_SCOPE, METRIC } from "./semconv.js";

interface MetricSpec {
  kind: "histogram" | "counter";
  unit: string;
  description: string;
}

/** Each of the kit's metrics (named in `METRIC`): its instrument, unit and description. */
export const METRIC_SPECS = {
  operationDuration: { kind: "histogram", unit: "s", description: "Duration of MCP requests handled by the server" },
  sessionDuration: { kind: "histogram", unit: "s", description: "Duration of MCP sessions on the server" },
  toolCalls: { kind: "counter", unit: "{call}", description: "Tool calls by tool and outcome" },
  authFailures: { kind: "counter", unit: "{request}", description: "Refused credentials by reason" },
  lastKnownKeyChecks: { kind: "counter", unit: "{request}", description: "Tokens checked with the last keys fetched, while the issuer could not be reached" },
  approvals: { kind: "counter", unit: "{approval}", description: "Approvals requested, granted and denied" },
  undos: { kind: "counter", unit: "{action}", description: "Actions undone (false-positive actions)" },
  deprecatedCalls: { kind: "counter", unit: "{call}", description: "Calls to deprecated tools" },
  killSwitchRefusals: { kind: "counter", unit: "{call}", description: "Calls refused because the tool is switched off" },
} as const satisfies Record<keyof typeof METRIC, MetricSpec>;

type Specs = typeof METRIC_SPECS;
export type Instruments = { [K in keyof Specs]: Specs[K]["kind"] extends "histogram" ? Histogram : Counter };

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/**
 * The kit's metric instruments, created once per meter provider. The metrics API has no proxy
 * provider, so instruments made before the SDK registered would stay no-ops forever; checking the
 * global provider's identity on use (a property read) lets the SDK start after the server.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider !== provider) cached = { provider, instruments: create(provider) };
  return cached.instruments;
}

function create(provider: MeterProvider): Instruments {
  const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
  const created = Object.entries(METRIC_SPECS).map(([key, { kind, unit, description }]) => {
    const name = METRIC[key as keyof Specs];
    const instrument =
      kind === "histogram"
        ? meter.createHistogram(name, { unit, description, advice: { explicitBucketBoundaries: DURATION_BUCKETS } })
        : meter.createCounter(name, { unit, description });
    return [key, instrument];
  });
  return Object.fromEntries(created) as Instruments;
}
