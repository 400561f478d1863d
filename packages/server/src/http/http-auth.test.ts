import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { freePort } from "@mcp-platform/test-services";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config.js";
import { createTrust, type Trust } from "../policy/trust.js";
import { exampleServer } from "../test-support/example-server.js";
import { HttpAuth } from "./http-auth.js";

let issuer: DevIssuer;
const trusts: Trust[] = [];
beforeAll(async () => void (issuer = await startDevIssuer({ home: mkdtempSync(join(tmpdir(), "http-auth-")) })));
afterAll(async () => {
  await Promise.all(trusts.map((trust) => trust.close()));
  await issuer.close();
});

/** The log lines of an HttpAuth started for `issuerUrl`. */
function startAuth(issuerUrl: string, audience = "http://127.0.0.1:3000/mcp") {
  const lines: { msg: string; issuer?: string; reason?: string; audience?: string }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  const config = loadConfig({ MCP_TRANSPORT: "http", MCP_AUTH_ISSUER: issuerUrl, MCP_AUTH_AUDIENCE: audience });
  const trust = createTrust(exampleServer, logger);
  trusts.push(trust);
  new HttpAuth(config, "Example", trust.scopes, trust.decisions, logger);
  return lines;
}

describe("HttpAuth at start", () => {
  it("warns when the issuer cannot be reached, naming it and why, instead of waiting for the first 503", async () => {
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const lines = startAuth(unreachable);
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 10_000 });
    expect(lines[0]).toMatchObject({ msg: expect.stringContaining("the issuer's keys could not be fetched at start") as string, issuer: unreachable });
    expect(lines[0]!.reason).toContain(`No authorization server metadata with a jwks_uri found for ${unreachable}`);
  });

  it("warns when the issuer's metadata names it differently, a trailing slash included", async () => {
    const lines = startAuth(`${issuer.issuer}/`);
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 10_000 });
    expect(lines[0]!.reason).toMatch(new RegExp(`names the issuer ${issuer.issuer}, not ${issuer.issuer}/: the two must match exactly$`));
  });

  it("warns when the audience ends with a slash, which the SDK's client refuses for the URL without it", () => {
    const lines = startAuth(issuer.issuer, "https://mcp.example.internal/mcp/");
    expect(lines[0]).toMatchObject({ audience: "https://mcp.example.internal/mcp/" });
    expect(lines[0]!.msg).toMatch(/^MCP_AUTH_AUDIENCE ends with a slash: MCP clients connecting to https:\/\/mcp\.example\.internal\/mcp refuse/);
  });

  it("says nothing when the issuer's keys are fetched", async () => {
    const lines = startAuth(issuer.issuer);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lines).toEqual([]);
  });
});

describe("HttpAuth while the issuer is down", () => {
  it("keeps verifying with the last keys, says so once, and says when the issuer is back", async () => {
    const home = mkdtempSync(join(tmpdir(), "http-auth-outage-"));
    let down = await startDevIssuer({ home });
    const port = Number(new URL(down.issuer).port);
    const lines: { msg: string; reason?: string; level: number }[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    const audience = "http://127.0.0.1:3000/mcp";
    const trust = createTrust(exampleServer, logger);
    trusts.push(trust);
    const auth = new HttpAuth(
      loadConfig({ MCP_TRANSPORT: "http", MCP_AUTH_ISSUER: down.issuer, MCP_AUTH_AUDIENCE: audience }),
      "Example",
      trust.scopes,
      trust.decisions,
      logger,
    );
    const check = async (subject: string) => {
      const token = await mintDevToken({ home, issuer: down.issuer, audience, scopes: ["example:read"], subject });
      return auth.authenticate({ headers: { authorization: `Bearer ${token}` } } as IncomingMessage, "127.0.0.1");
    };
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await check("before")).toMatchObject({ ok: true });
      await down.close();
      vi.setSystemTime(Date.now() + 3 * 60_000); // the keys are past their max age
      expect(await check("during")).toMatchObject({ ok: true, principal: { subject: "during" } });
      expect(await check("still during")).toMatchObject({ ok: true });
      down = await startDevIssuer({ home, port });
      vi.setSystemTime(Date.now() + 6_000);
      expect(await check("after")).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
      await down.close();
    }
    expect(lines.map((line) => line.msg)).toEqual([
      "the issuer's keys cannot be refreshed: tokens are verified with the last keys fetched, for as long as MCP_AUTH_JWKS_OUTAGE_SECONDS allows",
      "the issuer's keys can be fetched again",
    ]);
    // Which URL failed, and how: what an operator needs to find the cause.
    expect(lines[0]).toMatchObject({
      level: 40,
      reason: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/jwks\.json could not be read: connect ECONNREFUSED/),
    });
  });
});
