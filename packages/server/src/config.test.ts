import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to stdio, loopback, port 3000 and loopback-only hosts", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ MCP_TRANSPORT: "stdio", HOST: "127.0.0.1", PORT: 3000, MCP_SESSIONS: "stateless" });
    expect(config.allowedHosts).toContain("localhost");
  });

  it("names the variable and what is allowed in one line", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(new ConfigError('Invalid configuration: PORT must be an integer from 0 to 65535 (got "abc")'));
    expect(() => loadConfig({ MCP_TRANSPORT: "websocket" })).toThrow(/MCP_TRANSPORT must be "stdio" or "http"/);
  });

  it("refuses a near miss of a variable it reads, which would otherwise be ignored: a kill switch that fails open", () => {
    expect(() => loadConfig({ MCP_DISABLE_TOOLS: "delete_host" })).toThrow(
      new ConfigError(
        "Invalid configuration: MCP_DISABLE_TOOLS is not a variable the kit reads; did you mean MCP_DISABLED_TOOLS? (as it is, it would be ignored)",
      ),
    );
    expect(() => loadConfig({ MCP_ENVIROMENT: "production" })).toThrow(/MCP_ENVIROMENT is not a variable the kit reads; did you mean MCP_ENVIRONMENT\?/);
    expect(loadConfig({ MCP_ENVIRONMENT: "production", MCP_DISABLED_TOOLS: "delete_host" }).MCP_DISABLED_TOOLS).toEqual(["delete_host"]);
  });

  it("refuses an audience with a fragment and an issuer with a query or fragment, which no token can name", () => {
    const http = { MCP_TRANSPORT: "http", MCP_AUTH_ISSUER: "https://login.example.internal", MCP_AUTH_AUDIENCE: "https://mcp.example.internal/mcp" };
    expect(loadConfig(http).MCP_AUTH_AUDIENCE).toBe("https://mcp.example.internal/mcp");
    expect(() => loadConfig({ ...http, MCP_AUTH_AUDIENCE: "https://mcp.example.internal/mcp#main" })).toThrow(
      /^Invalid configuration: MCP_AUTH_AUDIENCE must not have a #fragment: a resource URL has none \(RFC 8707\)/,
    );
    expect(() => loadConfig({ ...http, MCP_AUTH_ISSUER: "https://login.example.internal/?tenant=a" })).toThrow(
      /^Invalid configuration: MCP_AUTH_ISSUER must not have a query or a #fragment/,
    );
  });

  it("takes explicit allow-lists, and '*' turns the Host check off", () => {
    expect(loadConfig({ MCP_ALLOWED_HOSTS: "mcp.internal, Other.internal" }).allowedHosts).toEqual(["mcp.internal", "other.internal"]);
    expect(loadConfig({ MCP_ALLOWED_HOSTS: "*" }).allowedHosts).toBeUndefined();
  });

  it("checks no Host on a wildcard bind unless told to", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).allowedHosts).toBeUndefined();
  });

  it("takes shared state from PostgreSQL and Redis URLs, without echoing them when they are wrong", () => {
    const secret = Buffer.alloc(32, 1).toString("base64");
    expect(loadConfig({ MCP_STORE_URL: "postgres://mcp:pw@db:5432/mcp", MCP_APPROVAL_SECRET: secret }).MCP_STORE_URL).toBe("postgres://mcp:pw@db:5432/mcp");
    expect(() => loadConfig({ MCP_STORE_URL: "mysql://mcp:pw@db/mcp" })).toThrow(
      new ConfigError("Invalid configuration: MCP_STORE_URL must be a postgres:// URL"),
    );
    expect(() => loadConfig({ MCP_RATE_LIMIT_REDIS_URL: "http://cache:6379" })).toThrow(
      new ConfigError("Invalid configuration: MCP_RATE_LIMIT_REDIS_URL must be a redis:// or rediss:// URL"),
    );
    expect(() => loadConfig({ MCP_STORE_URL: "postgres://db/mcp" })).toThrow(/MCP_APPROVAL_SECRET is required with MCP_STORE_URL/);
  });
});
