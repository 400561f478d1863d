import { describe, expect, it } from "vitest";
import { isPlainLegacyRequest, plainModernRequest, plainToolCall } from "./plain-requests.js";

const envelope = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
const modern = (overrides: Record<string, unknown> = {}, meta: Record<string, unknown> = envelope) => ({
  jsonrpc: "2.0",
  id: 7,
  method: "tools/list",
  params: { _meta: meta },
  ...overrides,
});

describe("the fast path past the SDK's classifier", () => {
  it("takes a 2026-07-28 request only when header, envelope and method agree", () => {
    expect(plainModernRequest(modern(), "2026-07-28", "tools/list")).toBeDefined();
    expect(plainModernRequest(modern(), "2025-11-25", "tools/list")).toBeUndefined();
    expect(plainModernRequest(modern(), undefined, "tools/list")).toBeUndefined();
    expect(plainModernRequest(modern(), "2026-07-28", "tools/call")).toBeUndefined();
    expect(plainModernRequest(modern(), "2026-07-28", undefined)).toBeUndefined();
  });

  it("leaves every envelope the SDK must refuse with its own status to the classifier", () => {
    const { "io.modelcontextprotocol/clientCapabilities": _, ...noCapabilities } = envelope;
    expect(plainModernRequest(modern({}, noCapabilities), "2026-07-28", "tools/list")).toBeUndefined();
    expect(plainModernRequest(modern({}, { ...envelope, "io.modelcontextprotocol/clientCapabilities": [] }), "2026-07-28", "tools/list")).toBeUndefined();
    const unknownRevision = { ...envelope, "io.modelcontextprotocol/protocolVersion": "2099-01-01" };
    expect(plainModernRequest(modern({}, unknownRevision), "2099-01-01", "tools/list")).toBeUndefined();
    expect(plainModernRequest(modern({ params: undefined }), "2026-07-28", "tools/list")).toBeUndefined();
    expect(plainModernRequest(modern({ id: null }), "2026-07-28", "tools/list")).toBeUndefined();
    expect(plainModernRequest(modern({ id: undefined }), "2026-07-28", "tools/list")).toBeUndefined();
  });

  it("takes a 2025 request only without any claim of 2026-07-28", () => {
    expect(isPlainLegacyRequest({ jsonrpc: "2.0", id: "a", method: "tools/list" }, "2025-11-25")).toBe(true);
    expect(isPlainLegacyRequest({ jsonrpc: "2.0", id: "a", method: "tools/list", params: { _meta: { progressToken: 1 } } }, undefined)).toBe(true);
    expect(isPlainLegacyRequest(modern(), undefined)).toBe(false);
    expect(isPlainLegacyRequest({ jsonrpc: "2.0", id: "a", method: "tools/list" }, "2026-07-28")).toBe(false);
    expect(isPlainLegacyRequest({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} }, undefined)).toBe(false);
    expect(isPlainLegacyRequest({ jsonrpc: "2.0", id: 1, result: {} }, undefined)).toBe(false);
    expect(isPlainLegacyRequest({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: "x" } }, undefined)).toBe(false);
    expect(isPlainLegacyRequest([{ jsonrpc: "2.0", id: 1, method: "tools/list" }], undefined)).toBe(false);
  });

  it("takes a tools/call for the fast path only with a name, arguments, trace context and an envelope", () => {
    const call = (params: Record<string, unknown>, meta: Record<string, unknown> = envelope) =>
      plainToolCall({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { ...params, _meta: meta } }, true);
    const traced = { ...envelope, traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
    expect(call({ name: "greet", arguments: { who: "Ada" } }, traced)).toEqual({
      params: { name: "greet", arguments: { who: "Ada" } },
      meta: { traceparent: traced.traceparent },
      envelope,
    });
    expect(call({ name: "greet" })).toEqual({ params: { name: "greet" }, meta: undefined, envelope });
    // What the SDK acts on besides running the tool: progress, log level, a retry's answers and state, a task.
    expect(call({ name: "greet" }, { ...envelope, progressToken: 1 })).toBeUndefined();
    expect(call({ name: "greet" }, { ...envelope, "io.modelcontextprotocol/logLevel": "debug" })).toBeUndefined();
    expect(call({ name: "greet", inputResponses: {} })).toBeUndefined();
    expect(call({ name: "greet", requestState: "s" })).toBeUndefined();
    expect(call({ name: "greet", task: {} })).toBeUndefined();
    // What the SDK's schema refuses, it must answer itself.
    expect(call({ name: 7 })).toBeUndefined();
    expect(call({ name: "greet", arguments: ["Ada"] })).toBeUndefined();
    expect(call({ name: "greet" }, { ...envelope, traceparent: 1 })).toBeUndefined();
    expect(plainToolCall({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: envelope } }, true)).toBeUndefined();
  });

  it("takes a 2025 tools/call for the fast path without any envelope member", () => {
    const call = (params: Record<string, unknown>) => plainToolCall({ jsonrpc: "2.0", id: 1, method: "tools/call", params }, false);
    expect(call({ name: "greet", arguments: {} })).toEqual({ params: { name: "greet", arguments: {} }, meta: undefined, envelope: undefined });
    expect(call({ name: "greet", _meta: { tracestate: "a=1" } })).toEqual({ params: { name: "greet" }, meta: { tracestate: "a=1" }, envelope: undefined });
    expect(call({ name: "greet", _meta: { progressToken: "p" } })).toBeUndefined();
    expect(call({ name: "greet", _meta: { "io.modelcontextprotocol/clientInfo": { name: "c", version: "1" } } })).toBeUndefined();
  });
});
