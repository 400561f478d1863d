import { METRIC_SPECS } from "./instruments.js";
import { METRIC } from "./semconv.js";

/** Units Prometheus spells out as a name suffix; `{call}`-style annotations add none. */
const UNIT_SUFFIXES: Record<string, string> = { s: "seconds", ms: "milliseconds", By: "bytes" };

/** A metric or attribute name as Prometheus spells it: every character outside [a-zA-Z0-9_:] becomes `_`. */
export function prometheusName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, "_");
}

/**
 * The series Prometheus stores the kit's metrics as, when they reach it through the OpenTelemetry
 * Collector's Prometheus exporters or Prometheus's own OTLP receiver (the default translation):
 * the name with `_`, then the unit (`_seconds`), then `_total` for counters, or `_bucket`, `_sum`
 * and `_count` for histograms. (The SDK's in-process Prometheus exporter adds no unit suffix.)
 */
export function prometheusSeries(): string[] {
  return Object.entries(METRIC_SPECS).flatMap(([key, spec]) => {
    const base = prometheusName(METRIC[key as keyof typeof METRIC]) + unitSuffix(spec.unit);
    return spec.kind === "counter" ? [`${base}_total`] : ["_bucket", "_sum", "_count"].map((series) => `${base}${series}`);
  });
}

function unitSuffix(unit: string): string {
  if (unit.startsWith("{")) return "";
  const suffix = UNIT_SUFFIXES[unit];
  if (!suffix) throw new Error(`No Prometheus suffix for the unit "${unit}": add it to UNIT_SUFFIXES`);
  return `_${suffix}`;
}
