import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintDevToken, startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, freePort, startServerProcess } from "@mcp-platform/test-services";
import { describe, expect, it } from "vitest";
import { PROTOCOLS } from "../test-support/http.js";
import { postMcp, SWITCHES_FIXTURE } from "../test-support/switches-process.js";

describe("an issuer that cannot be reached (real process, real tokens)", () => {
  it("answers 503 with Retry-After, stays up, and lets the token in once the issuer answers and the client retries as told", async () => {
    const home = mkdtempSync(join(tmpdir(), "issuer-unreachable-"));
    const issuerPort = await freePort();
    const issuerUrl = `http://127.0.0.1:${issuerPort}`;
    const server = await startServerProcess(SWITCHES_FIXTURE, checkingTokensFrom(issuerUrl, home));
    const token = await mintDevToken({ home, issuer: issuerUrl, audience: server.url, scopes: ["switches:read"], subject: "alice" });
    const list = () => postMcp(server.url, { id: 1, method: "tools/list" }, PROTOCOLS[0], { authorization: `Bearer ${token}` });
    const refused = await list();
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ error: "temporarily_unavailable" });
    expect(refused.challenge).toMatch(/^Bearer error="invalid_token", error_description="No authorization server metadata/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBe(5);
    // The outage is logged once; the requests it refuses are counted, with no audit line (nor row) each.
    expect(server.stderr()).not.toContain('"detail":"issuer_unreachable');
    const issuer = await startDevIssuer({ home, port: issuerPort });
    try {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      expect((await list()).status).toBe(200);
    } finally {
      await server.stop();
      await issuer.close();
    }
  });
});
