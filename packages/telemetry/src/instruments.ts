import { metrics, type Counter, type Histogram, type MeterProvider } from "@opentelemetry/api";
import { DURATION_BUCKETS, INSTRUMENTATION_SCOPE, METRIC } from "./semconv.js";

export interface Instruments {
  operationDuration: Histogram;
  sessionDuration: Histogram;
  toolCalls: Counter;
  authFailures: Counter;
  approvals: Counter;
  undos: Counter;
  deprecatedCalls: Counter;
  killSwitchRefusals: Counter;
}

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
  const duration = (name: string, description: string) =>
    meter.createHistogram(name, { unit: "s", description, advice: { explicitBucketBoundaries: DURATION_BUCKETS } });
  return {
    operationDuration: duration(METRIC.operationDuration, "Duration of MCP requests handled by the server"),
    sessionDuration: duration(METRIC.sessionDuration, "Duration of MCP sessions on the server"),
    toolCalls: meter.createCounter(METRIC.toolCalls, { unit: "{call}", description: "Tool calls by tool and outcome" }),
    authFailures: meter.createCounter(METRIC.authFailures, { unit: "{request}", description: "Refused credentials by reason" }),
    approvals: meter.createCounter(METRIC.approvals, { unit: "{approval}", description: "Approvals requested, granted and denied" }),
    undos: meter.createCounter(METRIC.undos, { unit: "{action}", description: "Actions undone (false-positive actions)" }),
    deprecatedCalls: meter.createCounter(METRIC.deprecatedCalls, { unit: "{call}", description: "Calls to deprecated tools" }),
    killSwitchRefusals: meter.createCounter(METRIC.killSwitchRefusals, {
      unit: "{call}",
      description: "Calls refused because the tool is switched off",
    }),
  };
}
