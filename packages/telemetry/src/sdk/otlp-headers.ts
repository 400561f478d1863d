const HEADER_VARIABLES = [
  "OTEL_EXPORTER_OTLP_HEADERS",
  "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
  "OTEL_EXPORTER_OTLP_METRICS_HEADERS",
  "OTEL_EXPORTER_OTLP_LOGS_HEADERS",
];

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A header entry the OTLP exporters would drop without a word: they take `name=value` pairs
 * (values percent-encoded) and skip anything else, so `Authorization: Bearer …`, written the way
 * HTTP writes it, leaves every export unauthorized with no hint why. Names the header, never its value.
 */
export function otlpHeadersProblem(env: NodeJS.ProcessEnv): string | undefined {
  for (const variable of HEADER_VARIABLES) {
    for (const entry of (env[variable] ?? "").split(",")) {
      if (!entry.trim()) continue;
      const pair = entry.split(";")[0]!;
      const separator = pair.indexOf("=");
      // Shown by the part before any ":" or space, so that a value written in the wrong place is never repeated.
      const name = pair.trim().split(/[:=\s]/)[0]!;
      if (separator <= 0 || !HEADER_NAME.test(pair.slice(0, separator).trim()) || !pair.slice(separator + 1).trim()) {
        return `${variable} has an entry for "${name}" that is not name=value, which the exporters drop or send broken: write it as ${name || "Name"}=value (percent-encode spaces: Authorization=Bearer%20…)`;
      }
      if (!decodes(pair.slice(separator + 1).trim())) {
        return `${variable} has a value for "${name}" that is not valid percent-encoding, which the exporters drop: encode % as %25`;
      }
    }
  }
  return undefined;
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}
