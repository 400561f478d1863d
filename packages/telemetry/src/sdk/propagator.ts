import { diag, type TextMapPropagator } from "@opentelemetry/api";
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from "@opentelemetry/core";
import { envList } from "./env-values.js";

/** `OTEL_PROPAGATORS` (default `tracecontext,baggage`); undefined for `none`. B3 loads only when asked for. */
export async function propagatorFromEnv(env: NodeJS.ProcessEnv): Promise<TextMapPropagator | undefined> {
  const names = envList(env, "OTEL_PROPAGATORS");
  if (names.includes("none")) return undefined;
  const propagators: TextMapPropagator[] = [];
  for (const name of names.length ? names : ["tracecontext", "baggage"]) {
    if (name === "tracecontext") propagators.push(new W3CTraceContextPropagator());
    else if (name === "baggage") propagators.push(new W3CBaggagePropagator());
    else if (name === "b3" || name === "b3multi") {
      const { B3InjectEncoding, B3Propagator } = await import("@opentelemetry/propagator-b3");
      propagators.push(new B3Propagator({ injectEncoding: name === "b3" ? B3InjectEncoding.SINGLE_HEADER : B3InjectEncoding.MULTI_HEADER }));
    } else diag.warn(`Unsupported OTEL_PROPAGATORS value "${name}"; supported: tracecontext, baggage, b3, b3multi, none`);
  }
  if (propagators.length === 0) return undefined;
  return propagators.length === 1 ? propagators[0] : new CompositePropagator({ propagators });
}
