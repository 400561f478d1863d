import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApprovalTokens, argumentsHash } from "@mcp-platform/auth";
import { loadOrCreateSigningKey, mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { startServerProcess, type ServerProcess } from "@mcp-platform/testing";
import { base64url, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Attacks on a real inventory process with real tokens from the dev issuer. Each case asserts the
 * status and the challenge; none may be accepted.
 */
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const home = mkdtempSync(join(tmpdir(), "inventory-security-"));
const approvalSecret = randomBytes(32);
const maintenance = { service: "payments-api", enabled: true, reason: "security test" };

let issuer: DevIssuer;
let server: ServerProcess;
let stateful: ServerProcess;

function env(url: string) {
  return {
    MCP_AUTH: "on",
    MCP_AUTH_ISSUER: issuer.issuer,
    MCP_AUTH_AUDIENCE: url,
    MCP_PLATFORM_HOME: home,
    MCP_APPROVAL_SECRET: approvalSecret.toString("base64"),
    OTEL_SDK_DISABLED: "true",
  };
}

beforeAll(async () => {
  issuer = await startDevIssuer({ home });
  server = await startServerProcess(entry, env);
  stateful = await startServerProcess(entry, (url) => ({ ...env(url), MCP_SESSIONS: "stateful" }));
});
afterAll(async () => {
  await server.stop();
  await stateful.stop();
  await issuer.close();
});

const token = (scopes: string[], overrides: { subject?: string; audience?: string; issuer?: string } = {}) =>
  mintDevToken({ home, issuer: overrides.issuer ?? issuer.issuer, audience: overrides.audience ?? server.url, scopes, subject: overrides.subject ?? "alice" });

async function signed(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const key = await loadOrCreateSigningKey(home);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer.issuer, aud: server.url, sub: "alice", iat: now, exp: now + 600, scope: "inventory:read", ...claims })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, ...header })
    .sign(key.privateKey);
}

const listTools = { jsonrpc: "2.0", id: 1, method: "tools/list" };
const callTool = (name: string, args: Record<string, unknown>) => ({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name, arguments: args } });

async function post(url: string, body: unknown, authorization?: string, extra: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(authorization === undefined ? {} : { authorization }),
      ...extra,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, challenge: response.headers.get("www-authenticate") ?? "", headers: response.headers, body: await response.text() };
}

function expectInvalidToken(result: { status: number; challenge: string }) {
  expect(result.status).toBe(401);
  expect(result.challenge).toMatch(/^Bearer error="invalid_token"/);
  expect(result.challenge).toContain(`resource_metadata="http://127.0.0.1:${new URL(server.url).port}/.well-known/oauth-protected-resource/mcp"`);
}

describe("bearer token attacks", () => {
  it("1. no token: 401 with resource metadata and the read scope, no error code", async () => {
    const result = await post(server.url, listTools);
    expect(result.status).toBe(401);
    expect(result.challenge).toMatch(/^Bearer resource_metadata="[^"]+", scope="inventory:read"$/);
  });

  it("2. malformed Authorization header", async () => {
    expectInvalidToken(await post(server.url, listTools, "Basic YWxpY2U6c2VjcmV0"));
    expectInvalidToken(await post(server.url, listTools, "Bearer two words"));
  });

  it("3. bad signature", async () => {
    const good = await token(["inventory:read"]);
    const [header, payload] = good.split(".");
    const forgedPayload = base64url.encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(payload!))), scope: "inventory:write" }));
    expectInvalidToken(await post(server.url, listTools, `Bearer ${header}.${forgedPayload}.${good.split(".")[2]}`));
  });

  it('4. alg "none"', async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify({ iss: issuer.issuer, aud: server.url, sub: "alice", scope: "inventory:admin", exp: 4102444800 }));
    expectInvalidToken(await post(server.url, listTools, `Bearer ${header}.${payload}.`));
  });

  it("5. HS256 signed with the issuer's public key as the secret", async () => {
    const { publicJwk } = await loadOrCreateSigningKey(home);
    const forged = await new SignJWT({ scope: "inventory:admin" })
      .setProtectedHeader({ alg: "HS256", kid: publicJwk.kid! })
      .setIssuer(issuer.issuer)
      .setAudience(server.url)
      .setSubject("alice")
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expectInvalidToken(await post(server.url, listTools, `Bearer ${forged}`));
  });

  it("6. expired", async () => {
    const result = await post(server.url, listTools, `Bearer ${await signed({ exp: Math.floor(Date.now() / 1000) - 600 })}`);
    expectInvalidToken(result);
    expect(result.challenge).toContain('error_description="Token has expired"');
  });

  it("7. nbf in the future", async () => {
    expectInvalidToken(await post(server.url, listTools, `Bearer ${await signed({ nbf: Math.floor(Date.now() / 1000) + 3600 })}`));
  });

  it("8. wrong issuer", async () => {
    expectInvalidToken(await post(server.url, listTools, `Bearer ${await token(["inventory:read"], { issuer: "http://127.0.0.1:1/" })}`));
  });

  it("9. wrong audience", async () => {
    expectInvalidToken(await post(server.url, listTools, `Bearer ${await token(["inventory:read"], { audience: "http://127.0.0.1:1/nothing" })}`));
  });

  it("10. a token for another resource (another MCP server) is not accepted here", async () => {
    const forOther = await token(["inventory:admin"], { audience: stateful.url });
    const result = await post(server.url, listTools, `Bearer ${forOther}`);
    expectInvalidToken(result);
    expect(result.challenge).toContain("not meant for this resource");
  });

  it("11. read scope calling a write tool: 403 insufficient_scope naming the scope", async () => {
    const result = await post(server.url, callTool("set_maintenance_mode", maintenance), `Bearer ${await token(["inventory:read"])}`);
    expect(result.status).toBe(403);
    expect(result.challenge).toMatch(/^Bearer error="insufficient_scope", scope="inventory:write", resource_metadata="/);
  });

  it("12. unknown kid flood: refused, with bounded JWKS fetches", async () => {
    await post(server.url, listTools, `Bearer ${await token(["inventory:read"])}`);
    const before = issuer.jwksFetches;
    const results = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => post(server.url, listTools, `Bearer ${await signed({}, { kid: `attacker-${i}` })}`)),
    );
    for (const result of results) expect(result.status).toBe(401);
    expect(issuer.jwksFetches - before).toBeLessThanOrEqual(1);
  });

  it("13. oversized header: 431 from the HTTP layer, and an oversized bearer token is refused unparsed", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(server.url, { method: "POST", headers: { authorization: `Bearer ${"a".repeat(20_000)}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once("error", reject);
      req.end("{}");
    });
    expect(status).toBe(431);
    const result = await post(server.url, listTools, `Bearer ${"a".repeat(9000)}`);
    expectInvalidToken(result);
    expect(result.challenge).toContain("Token is too large");
  });
});

describe("approval token attacks", () => {
  const tokens = () => new ApprovalTokens([approvalSecret], 300);
  const claims = (args: Record<string, unknown>, subject = "alice") => ({ subject, server: "inventory", tool: "set_maintenance_mode", argumentsHash: argumentsHash(args) });

  async function confirm(approval: string, args: Record<string, unknown> = maintenance, subject = "alice") {
    const bearer = `Bearer ${await token(["inventory:write"], { subject })}`;
    const result = await post(server.url, callTool("set_maintenance_mode", { ...args, approval_token: approval }), bearer);
    expect(result.status).toBe(200);
    return JSON.parse(result.body) as { result: { isError?: boolean; content: { text: string }[] } };
  }

  it("14. replayed with altered arguments", async () => {
    const approval = await tokens().issue(claims(maintenance));
    const reply = await confirm(approval.token, { ...maintenance, service: "checkout-web" });
    expect(reply.result).toMatchObject({ isError: true, content: [{ text: "Approval refused: the arguments differ from the approved ones. Nothing was done." }] });
  });

  it("15. expired", async () => {
    const approval = await new ApprovalTokens([approvalSecret], -60).issue(claims(maintenance));
    const reply = await confirm(approval.token);
    expect(reply.result).toMatchObject({ isError: true, content: [{ text: "Approval refused: the approval has expired. Nothing was done." }] });
  });

  it("16. issued to another principal", async () => {
    const approval = await tokens().issue(claims(maintenance, "mallory"));
    const reply = await confirm(approval.token);
    expect(reply.result).toMatchObject({ isError: true, content: [{ text: "Approval refused: the approval was issued to another principal. Nothing was done." }] });
  });

  it("17. signed with another key", async () => {
    const approval = await new ApprovalTokens([randomBytes(32)], 300).issue(claims(maintenance));
    const reply = await confirm(approval.token);
    expect(reply.result).toMatchObject({ isError: true, content: [{ text: "Approval refused: the approval was signed with a key this server does not hold. Nothing was done." }] });
  });
});

describe("sessions and limits", () => {
  it("18. a session id used by another principal is refused as unknown", async () => {
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } },
    };
    const alice = `Bearer ${await token(["inventory:read"], { audience: stateful.url })}`;
    const opened = await post(stateful.url, initialize, alice);
    const sessionId = opened.headers.get("mcp-session-id")!;
    expect(sessionId).toBeTruthy();
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
    expect((await post(stateful.url, listTools, alice, headers)).status).toBe(200);
    const mallory = `Bearer ${await token(["inventory:admin"], { audience: stateful.url, subject: "mallory" })}`;
    expect((await post(stateful.url, listTools, mallory, headers)).status).toBe(404);
  });

  it("19. too many requests from one principal: 429 with Retry-After", async () => {
    const limited = await startServerProcess(entry, (url) => ({ ...env(url), MCP_RATE_LIMIT_PER_MINUTE: "5" }));
    try {
      const bearer = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: limited.url, scopes: ["inventory:read"], subject: "busy" })}`;
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await post(limited.url, listTools, bearer)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await post(limited.url, listTools, bearer);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.stop();
    }
  });

  it("20. no token ever reaches the logs", async () => {
    const secretToken = await token(["inventory:read"]);
    await post(server.url, listTools, `Bearer ${secretToken}`);
    await post(server.url, listTools, `Bearer ${secretToken}x`);
    expect(server.stderr()).not.toContain(secretToken.split(".")[2]);
    expect(server.stderr()).toContain('"decision":"authentication"');
  });
});
