import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintDevToken, startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, startServerProcess } from "@mcp-platform/test-services";
import { describe, expect, it } from "vitest";
import { PROTOCOLS } from "../test-support/http.js";
import { postMcp, SWITCHES_FIXTURE } from "../test-support/switches-process.js";

describe("a server a gateway publishes under a path prefix (real process, real tokens)", () => {
  it("serves its resource metadata where the challenge points for that public URL, and takes tokens for it", async () => {
    const home = mkdtempSync(join(tmpdir(), "gateway-prefix-"));
    const issuer = await startDevIssuer({ home });
    // The gateway strips `/teams/switches` before forwarding, so MCP itself still arrives at /mcp.
    const publicUrl = (url: string) => `${new URL(url).origin}/teams/switches/mcp`;
    const server = await startServerProcess(SWITCHES_FIXTURE, (url) => checkingTokensFrom(issuer.issuer, home, { MCP_AUTH_AUDIENCE: publicUrl(url) })(url));
    try {
      const audience = publicUrl(server.url);
      const challenged = await postMcp(server.url, { id: 1, method: "tools/list" }, PROTOCOLS[0]);
      const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenged.challenge)?.[1];
      expect(metadataUrl).toBe(`${new URL(server.url).origin}/.well-known/oauth-protected-resource/teams/switches/mcp`);
      const metadata = await fetch(metadataUrl!);
      expect(metadata.status).toBe(200);
      expect(await metadata.json()).toMatchObject({ resource: audience, authorization_servers: [issuer.issuer] });
      const token = await mintDevToken({ home, issuer: issuer.issuer, audience, scopes: ["switches:read"], subject: "alice" });
      expect((await postMcp(server.url, { id: 2, method: "tools/list" }, PROTOCOLS[0], { authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      await server.stop();
      await issuer.close();
    }
  });
});
