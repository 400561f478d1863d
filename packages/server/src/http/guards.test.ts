import { describe, expect, it } from "vitest";
import { hostAllowed, originAllowed } from "./guards.js";

const loopback = ["127.0.0.1", "localhost", "::1", "[::1]"];

describe("hostAllowed", () => {
  it("accepts loopback names with any port", () => {
    expect(hostAllowed("127.0.0.1:3000", loopback)).toBe(true);
    expect(hostAllowed("LOCALHOST", loopback)).toBe(true);
    expect(hostAllowed("[::1]:8080", loopback)).toBe(true);
  });

  it("accepts a name:port entry on that port only", () => {
    const allowed = ["mcp.example.internal:8443"];
    expect(hostAllowed("mcp.example.internal:8443", allowed)).toBe(true);
    expect(hostAllowed("MCP.example.internal:8443", allowed)).toBe(true);
    expect(hostAllowed("mcp.example.internal:9000", allowed)).toBe(false);
    expect(hostAllowed("mcp.example.internal", allowed)).toBe(false);
  });

  it("refuses other names and a missing header", () => {
    expect(hostAllowed("evil.example", loopback)).toBe(false);
    expect(hostAllowed("evil.example:3000", loopback)).toBe(false);
    expect(hostAllowed(undefined, loopback)).toBe(false);
  });
});

describe("originAllowed", () => {
  const origins = ["http://localhost", "https://console.internal:8443"];
  it("lets non-browser clients (no Origin) through", () => {
    expect(originAllowed(undefined, origins)).toBe(true);
  });
  it("matches scheme and host, any port, or an exact origin", () => {
    expect(originAllowed("http://localhost:6274", origins)).toBe(true);
    expect(originAllowed("https://console.internal:8443", origins)).toBe(true);
    expect(originAllowed("https://localhost", origins)).toBe(false);
    expect(originAllowed("http://evil.example", origins)).toBe(false);
    expect(originAllowed("null", origins)).toBe(false);
  });
});
