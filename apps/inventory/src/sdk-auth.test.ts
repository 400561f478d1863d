import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ClientCredentialsProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";
import { discoverOAuthProtectedResourceMetadata, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, startServerProcess } from "@mcp-platform/testing";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("the SDK's own client auth discovery against a real server and issuer", () => {
  it("finds the issuer from the 401 challenge and gets a token for this resource (RFC 8707)", async () => {
    const home = mkdtempSync(join(tmpdir(), "inventory-sdk-auth-"));
    const issuer = await startDevIssuer({ home });
    const server = await startServerProcess(entry, checkingTokensFrom(issuer.issuer, home));
    try {
      const unauthorized = await fetch(server.url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
      const { resourceMetadataUrl, scope } = extractWWWAuthenticateParams(unauthorized);
      expect(scope).toBe("inventory:read");
      const metadata = await discoverOAuthProtectedResourceMetadata(server.url, { resourceMetadataUrl });
      expect(metadata).toMatchObject({ resource: server.url, authorization_servers: [issuer.issuer] });
      expect(metadata.scopes_supported).toEqual(["inventory:read", "inventory:write", "inventory:admin"]);

      const provider = new ClientCredentialsProvider({
        clientId: "ci-bot",
        clientSecret: "unused",
        scope: "inventory:read inventory:write",
        expectedIssuer: issuer.issuer,
      });
      const client = new Client({ name: "sdk-auth-test", version: "0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider }));
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(["list_services", "get_service", "set_maintenance_mode", "list_actions", "undo_action"]);

      const result = await client.callTool({
        name: "set_maintenance_mode",
        arguments: { service: "report-builder", enabled: true, reason: "step-up test" },
      });
      expect(JSON.stringify(result.content)).toContain("Approval required");
      await client.close();
    } finally {
      await server.stop();
      await issuer.close();
    }
  });
});
