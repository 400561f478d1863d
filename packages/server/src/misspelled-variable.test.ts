import { describe, expect, it } from "vitest";
import { misspelledVariable } from "./misspelled-variable.js";

const KNOWN = ["MCP_AUTH", "MCP_DISABLED_TOOLS", "MCP_ALLOWED_HOSTS", "MCP_STORE_PATH", "MCP_STORE_URL", "MCP_SESSIONS", "MCP_SESSION_IDLE_SECONDS"];

describe("misspelledVariable", () => {
  it("finds a dropped, added, changed or swapped letter, and names the closest variable", () => {
    expect(misspelledVariable({ MCP_DISABLE_TOOLS: "delete_host" }, KNOWN)).toEqual({ name: "MCP_DISABLE_TOOLS", meant: "MCP_DISABLED_TOOLS" });
    expect(misspelledVariable({ MCP_ALLOWED_HOST: "mcp.internal" }, KNOWN)).toEqual({ name: "MCP_ALLOWED_HOST", meant: "MCP_ALLOWED_HOSTS" });
    expect(misspelledVariable({ MCP_ALLOW_HOSTS: "mcp.internal" }, KNOWN)).toEqual({ name: "MCP_ALLOW_HOSTS", meant: "MCP_ALLOWED_HOSTS" });
    expect(misspelledVariable({ MCP_STORE_ULR: "postgres://db/mcp" }, KNOWN)).toEqual({ name: "MCP_STORE_ULR", meant: "MCP_STORE_URL" });
    expect(misspelledVariable({ MCP_SOTRE_ULR: "postgres://db/mcp" }, KNOWN)).toEqual({ name: "MCP_SOTRE_ULR", meant: "MCP_STORE_URL" });
    expect(misspelledVariable({ MCP_AUHT: "off" }, KNOWN)).toEqual({ name: "MCP_AUHT", meant: "MCP_AUTH" });
    expect(misspelledVariable({ MCP_SESSION: "stateful" }, KNOWN)).toEqual({ name: "MCP_SESSION", meant: "MCP_SESSIONS" });
  });

  it("leaves alone the kit's own names, other prefixes, a team's own MCP_ variables, and what Kubernetes sets for a Service named mcp-store", () => {
    const env = {
      MCP_STORE_PATH: "/data/store.sqlite",
      MCP_SESSIONS: "stateless",
      ALLOWED_HOST: "x",
      MCP_PATH: "/mcp",
      MCP_INVENTORY_DB_URL: "postgres://db/inventory",
      MCP_STORE_SERVICE_HOST: "10.0.0.7",
      MCP_STORE_SERVICE_PORT: "5432",
      MCP_STORE_SERVICE_PORT_POSTGRES: "5432",
      MCP_STORE_PORT: "tcp://10.0.0.7:5432",
      MCP_STORE_PORT_5432_TCP_ADDR: "10.0.0.7",
    };
    expect(misspelledVariable(env, KNOWN)).toBeUndefined();
  });
});
