import { propagation, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { beforeAll, describe, expect, it } from "vitest";
import { parentContext } from "./trace-context.js";

const META_PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const HTTP_PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));

describe("parentContext", () => {
  it("takes the parent from params._meta and links the ambient HTTP context", () => {
    const { parent, links } = parentContext({ traceparent: META_PARENT }, { traceparent: HTTP_PARENT });
    expect(trace.getSpanContext(parent)).toMatchObject({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7" });
    expect(links.map((link) => link.context.traceId)).toEqual(["0af7651916cd43dd8448eb211c80319c"]);
  });

  it("falls back to the HTTP headers when _meta carries no context", () => {
    const { parent, links } = parentContext({ progressToken: 1 }, { traceparent: HTTP_PARENT });
    expect(trace.getSpanContext(parent)?.spanId).toBe("b7ad6b7169203331");
    expect(links).toEqual([]);
  });

  it("ignores a malformed traceparent instead of failing the request", () => {
    const { parent } = parentContext({ traceparent: "00-nonsense" }, undefined);
    expect(trace.getSpanContext(parent)).toBeUndefined();
  });
});
