import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { hostAllowed, originAllowed } from "./http/guards.js";

describe("allow-list entries", () => {
  it("refuses an origin entry no browser Origin could match, and says what was meant", () => {
    const cases: [string, string][] = [
      ["https://app.example.com/", 'use "https://app.example.com"'],
      ["https://app.example.com/mcp", 'use "https://app.example.com"'],
      ["https://app.example.com:443", 'use "https://app.example.com"'],
      ["app.example.com", 'as in "https://app.example.com"'],
      ["localhost:6274", 'as in "https://localhost:6274"'],
      ["https://*.example.com", "a wildcard matches nothing here"],
    ];
    for (const [entry, hint] of cases) {
      expect(() => loadConfig({ MCP_ALLOWED_ORIGINS: `http://localhost:6274, ${entry}` }), entry).toThrow(ConfigError);
      expect(() => loadConfig({ MCP_ALLOWED_ORIGINS: entry }), entry).toThrow(`Invalid configuration: MCP_ALLOWED_ORIGINS has "${entry}"`);
      expect(() => loadConfig({ MCP_ALLOWED_ORIGINS: entry }), entry).toThrow(hint);
    }
  });

  it("refuses a Host entry with a scheme, a path or a bare IPv6 address", () => {
    const cases: [string, string][] = [
      ["https://mcp.internal:8443", 'which is a URL, not a Host header name: use "mcp.internal:8443"'],
      ["mcp.internal/", 'use "mcp.internal"'],
      ["::1", 'as in "[::1]"'],
      ["*.internal", "a wildcard matches nothing here"],
    ];
    for (const [entry, hint] of cases) {
      expect(() => loadConfig({ MCP_ALLOWED_HOSTS: entry }), entry).toThrow(`Invalid configuration: MCP_ALLOWED_HOSTS has "${entry}"`);
      expect(() => loadConfig({ MCP_ALLOWED_HOSTS: entry }), entry).toThrow(hint);
    }
  });

  it("takes every form the guards match, and each entry it takes lets its own request through", () => {
    const origins = ["https://app.example.com", "HTTP://LOCALHOST:6274", "http://[::1]:6274", "vscode-webview://abc123", "*"];
    const allowedOrigins = loadConfig({ MCP_ALLOWED_ORIGINS: origins.slice(0, -1).join(",") }).allowedOrigins;
    for (const origin of origins.slice(0, -1)) expect(originAllowed(origin.toLowerCase(), allowedOrigins), origin).toBe(true);
    expect(loadConfig({ MCP_ALLOWED_ORIGINS: "*" }).allowedOrigins).toBeUndefined();

    const hosts = ["mcp.internal", "mcp.internal:8443", "[::1]", "[::1]:3000", "10.0.0.7"];
    const allowedHosts = loadConfig({ MCP_ALLOWED_HOSTS: hosts.join(",") }).allowedHosts;
    for (const host of hosts) expect(hostAllowed(host, allowedHosts), host).toBe(true);
  });
});
