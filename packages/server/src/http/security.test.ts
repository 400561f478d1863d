import { createHmac, randomBytes, subtle } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApprovalTokens, argumentsHash } from "@mcp-platform/auth";
import { loadOrCreateSigningKey, mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, startServerProcess, type ServerProcess } from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mcpHttpRequest } from "../protocol/http-request.js";
import { PROTOCOLS } from "../test-support/http.js";
import { postMcp, SWITCHES_FIXTURE, type RawReply } from "../test-support/switches-process.js";

/**
 * Attacks on a real server process with real tokens from the dev issuer, in both revisions the
 * endpoint serves. Each case asserts the status and the challenge; none may be accepted.
 */
const home = mkdtempSync(join(tmpdir(), "security-"));
const approvalSecret = randomBytes(32);

let issuer: DevIssuer;
let server: ServerProcess;
let stateful: ServerProcess;

function env(url: string) {
  return checkingTokensFrom(issuer.issuer, home, {
    MCP_APPROVAL_SECRET: approvalSecret.toString("base64"),
    // Every attack below fails authentication from 127.0.0.1 on purpose; the limit has its own test.
    MCP_AUTH_FAILURES_PER_MINUTE: "0",
  })(url);
}

beforeAll(async () => {
  issuer = await startDevIssuer({ home });
  [server, stateful] = await Promise.all([
    startServerProcess(SWITCHES_FIXTURE, env),
    startServerProcess(SWITCHES_FIXTURE, (url) => ({ ...env(url), MCP_SESSIONS: "stateful" })),
  ]);
});
afterAll(async () => {
  await Promise.allSettled([server?.stop(), stateful?.stop()]);
  await issuer?.close();
});

const token = (scopes: string[], overrides: { subject?: string; audience?: string; issuer?: string } = {}) =>
  mintDevToken({ home, issuer: overrides.issuer ?? issuer.issuer, audience: overrides.audience ?? server.url, scopes, subject: overrides.subject ?? "alice" });

const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString("base64url");

/** A compact JWS built by hand, so that a test can get every part of it wrong on purpose. */
async function jws(header: Record<string, unknown>, claims: Record<string, unknown>, sign: (input: string) => Promise<string> | string) {
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${await sign(input)}`;
}

/** Signed with the dev issuer's own key: valid unless the claims or header say otherwise. */
async function signed(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const key = await loadOrCreateSigningKey(home);
  const now = Math.floor(Date.now() / 1000);
  return jws(
    { alg: "ES256", kid: key.kid, ...header },
    { iss: issuer.issuer, aud: server.url, sub: "alice", iat: now, exp: now + 600, scope: "switches:read", ...claims },
    async (input) => Buffer.from(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, Buffer.from(input))).toString("base64url"),
  );
}

const LIST_TOOLS = { id: 1, method: "tools/list" };
const callTool = (name: string, args: Record<string, unknown>) => ({ id: 2, method: "tools/call", params: { name, arguments: args } });

interface ToolReply {
  result: { isError?: boolean; content: { text: string }[]; structuredContent?: unknown; _meta?: Record<string, { token?: string }> };
}

function expectInvalidToken(reply: RawReply) {
  expect(reply.status).toBe(401);
  expect(reply.challenge).toMatch(/^Bearer error="invalid_token"/);
  expect(reply.challenge).toContain(`resource_metadata="http://127.0.0.1:${new URL(server.url).port}/.well-known/oauth-protected-resource/mcp"`);
}

describe.each(PROTOCOLS)("bearer token attacks on %s", (protocol) => {
  const listTools = (authorization?: string) => postMcp(server.url, LIST_TOOLS, protocol, authorization === undefined ? {} : { authorization });
  const toolNames = (reply: RawReply) => (JSON.parse(reply.body) as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name).sort();

  it("no token: 401 with resource metadata and the read scope, no error code", async () => {
    const reply = await listTools();
    expect(reply.status).toBe(401);
    expect(reply.challenge).toMatch(/^Bearer resource_metadata="[^"]+", scope="switches:read"$/);
    // How every sign-in starts: no audit line (nor store row) at the default level, unlike a bad token.
    expect(server.stderr()).not.toContain("missing_token");
  });

  it("malformed Authorization header", async () => {
    expectInvalidToken(await listTools("Basic YWxpY2U6c2VjcmV0"));
    expectInvalidToken(await listTools("Bearer two words"));
  });

  it("bad signature", async () => {
    const [header, payload, signature] = (await token(["switches:read"])).split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    expectInvalidToken(await listTools(`Bearer ${header}.${encode({ ...claims, scope: "switches:write" })}.${signature}`));
  });

  it('alg "none"', async () => {
    const unsigned = await jws(
      { alg: "none", typ: "JWT" },
      { iss: issuer.issuer, aud: server.url, sub: "alice", scope: "switches:admin", exp: 4102444800 },
      () => "",
    );
    expectInvalidToken(await listTools(`Bearer ${unsigned}`));
  });

  it("HS256 signed with the issuer's public key as the secret", async () => {
    const { publicJwk } = await loadOrCreateSigningKey(home);
    const claims = { iss: issuer.issuer, aud: server.url, sub: "alice", scope: "switches:admin", exp: Math.floor(Date.now() / 1000) + 600 };
    const forged = await jws({ alg: "HS256", kid: publicJwk.kid }, claims, (input) =>
      createHmac("sha256", JSON.stringify(publicJwk)).update(input).digest("base64url"),
    );
    expectInvalidToken(await listTools(`Bearer ${forged}`));
  });

  it("expired", async () => {
    const reply = await listTools(`Bearer ${await signed({ exp: Math.floor(Date.now() / 1000) - 600 })}`);
    expectInvalidToken(reply);
    expect(reply.challenge).toContain('error_description="Token has expired"');
  });

  it("nbf in the future", async () => {
    // The same token without nbf is accepted, so the refusal is for nbf and not for how it was signed.
    expect((await listTools(`Bearer ${await signed({})}`)).status).toBe(200);
    expectInvalidToken(await listTools(`Bearer ${await signed({ nbf: Math.floor(Date.now() / 1000) + 3600 })}`));
  });

  it("wrong issuer", async () => {
    expectInvalidToken(await listTools(`Bearer ${await token(["switches:read"], { issuer: "http://127.0.0.1:1/" })}`));
  });

  it("wrong audience", async () => {
    expectInvalidToken(await listTools(`Bearer ${await token(["switches:read"], { audience: "http://127.0.0.1:1/nothing" })}`));
  });

  it("a token for another MCP server is not accepted here", async () => {
    const reply = await listTools(`Bearer ${await token(["switches:admin"], { audience: stateful.url })}`);
    expectInvalidToken(reply);
    expect(reply.challenge).toContain(`error_description="Token is not meant for this resource (its audience must be ${server.url})"`);
    // The log says it too, for clients (the Inspector among them) that do not show the challenge.
    await vi.waitFor(() =>
      expect(server.stderr()).toContain(`"detail":"wrong_audience: Token is not meant for this resource (its audience must be ${server.url})"`),
    );
  });

  it("read scope calling a write tool: 403 insufficient_scope naming the scope", async () => {
    const bearer = `Bearer ${await token(["switches:read"])}`;
    const reply = await postMcp(server.url, callTool("set_switch", { name: "door", on: true }), protocol, { authorization: bearer });
    expect(reply.status).toBe(403);
    expect(reply.challenge).toMatch(/^Bearer error="insufficient_scope", scope="switches:write", resource_metadata="/);
  });

  it('a scope claim of "*" grants nothing', async () => {
    const wildcard = `Bearer ${await token(["*"])}`;
    expect(toolNames(await listTools(wildcard))).toEqual([]);
    expect(toolNames(await listTools(`Bearer ${await token(["switches:read", "*"])}`))).toEqual(["count_to", "get_switch", "list_actions"]);
    const write = await postMcp(server.url, callTool("set_switch", { name: "door", on: true }), protocol, { authorization: wildcard });
    expect(write.status).toBe(403);
    expect(write.challenge).toMatch(/^Bearer error="insufficient_scope", scope="switches:write"/);
  });

  it("unknown kid flood: refused, with bounded JWKS fetches", async () => {
    await listTools(`Bearer ${await token(["switches:read"])}`);
    const before = issuer.jwksFetches;
    const replies = await Promise.all(Array.from({ length: 25 }, async (_, i) => listTools(`Bearer ${await signed({}, { kid: `attacker-${i}` })}`)));
    for (const reply of replies) expect(reply.status).toBe(401);
    expect(issuer.jwksFetches - before).toBeLessThanOrEqual(1);
  });

  it("oversized header: 431 from the HTTP layer, and an oversized bearer token is refused unparsed", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        server.url,
        { method: "POST", headers: { "mcp-protocol-version": protocol, authorization: `Bearer ${"a".repeat(20_000)}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.once("error", reject);
      req.end("{}");
    });
    expect(status).toBe(431);
    const reply = await listTools(`Bearer ${"a".repeat(9000)}`);
    expectInvalidToken(reply);
    expect(reply.challenge).toContain("Token is too large");
  });

  it("two Authorization headers: 400, whichever comes first", async () => {
    const [reader, admin] = [`Bearer ${await token(["switches:read"])}`, `Bearer ${await token(["switches:admin"], { subject: "root" })}`];
    for (const pair of [
      [reader, admin],
      [admin, reader],
    ]) {
      const { headers, body } = mcpHttpRequest(LIST_TOOLS, protocol);
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        // As raw pairs, so both reach the wire; Node's client then adds no Host or length of its own.
        const framing = ["host", new URL(server.url).host, "content-length", String(Buffer.byteLength(body))];
        const rawHeaders = [...framing, ...Object.entries(headers).flat(), "authorization", pair[0]!, "authorization", pair[1]!];
        const req = request(server.url, { method: "POST", headers: rawHeaders }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.once("error", reject);
        req.end(body);
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toContain("more than one Authorization header");
    }
  });
});

describe.each(PROTOCOLS)("plan/confirm approval token attacks on %s", (protocol) => {
  const door = { name: "door", on: true };
  const claims = (args: Record<string, unknown>, subject = "alice") => ({
    subject,
    server: "switches",
    tool: "set_switch",
    argumentsHash: argumentsHash(args),
  });

  async function call(name: string, args: Record<string, unknown>, subject = "alice"): Promise<ToolReply> {
    const bearer = `Bearer ${await token(["switches:write"], { subject })}`;
    const reply = await postMcp(server.url, callTool(name, args), protocol, { authorization: bearer });
    expect(reply.status).toBe(200);
    return JSON.parse(reply.body) as ToolReply;
  }

  async function expectRefused(approval: string, args: Record<string, unknown>, reason: string) {
    const reply = await call("set_switch", { ...args, approval_token: approval });
    expect(reply.result).toMatchObject({ isError: true, content: [{ text: `Approval refused: ${reason}. Nothing was done.` }] });
    expect((await call("get_switch", { name: "door" })).result.content[0]!.text).toBe("door is off");
  }

  it("used with altered arguments", async () => {
    const approval = await new ApprovalTokens([approvalSecret], 300).issue(claims({ name: "window", on: true }));
    await expectRefused(approval.token, door, "the arguments differ from the approved ones");
  });

  it("expired", async () => {
    const approval = await new ApprovalTokens([approvalSecret], -60).issue(claims(door));
    await expectRefused(approval.token, door, "the approval has expired");
  });

  it("issued to another principal", async () => {
    const approval = await new ApprovalTokens([approvalSecret], 300).issue(claims(door, "mallory"));
    await expectRefused(approval.token, door, "the approval was issued to another principal");
  });

  it("signed with another key", async () => {
    const approval = await new ApprovalTokens([randomBytes(32)], 300).issue(claims(door));
    await expectRefused(approval.token, door, "the approval was signed with a key this server does not hold");
  });

  it("replayed: answers with the first outcome and acts once", async () => {
    // A subject of its own, so this test's actions are told apart from other tests' in list_actions.
    const subject = `replayer-${protocol}`;
    const args = { name: `lamp-${protocol}`, on: true };
    const plan = await call("set_switch", args, subject);
    const approval = plan.result._meta?.["io.github.mcp-platform/approval"]?.token;
    expect(approval).toMatch(/^ey/);
    const first = await call("set_switch", { ...args, approval_token: approval }, subject);
    expect(first.result.isError).toBeFalsy();
    expect(first.result.content[0]!.text).toBe(`lamp-${protocol} is on`);
    const replayed = await call("set_switch", { ...args, approval_token: approval }, subject);
    expect(replayed.result).toEqual(first.result);
    const { actions } = (await call("list_actions", { limit: 100 })).result.structuredContent as { actions: { subject: string }[] };
    expect(actions.filter((action) => action.subject === subject)).toHaveLength(1);
  });
});

describe("sessions and limits", () => {
  it("a 2025-11-25 session id used by another principal is refused as unknown", async () => {
    const initialize = { id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "0" } } };
    const alice = `Bearer ${await token(["switches:read"], { audience: stateful.url })}`;
    const opened = await postMcp(stateful.url, initialize, "2025-11-25", { authorization: alice });
    const sessionId = opened.headers.get("mcp-session-id");
    expect(sessionId).toBeTruthy();
    const headers = { "mcp-session-id": sessionId! };
    expect((await postMcp(stateful.url, LIST_TOOLS, "2025-11-25", { authorization: alice, headers })).status).toBe(200);
    const mallory = `Bearer ${await token(["switches:admin"], { audience: stateful.url, subject: "mallory" })}`;
    expect((await postMcp(stateful.url, LIST_TOOLS, "2025-11-25", { authorization: mallory, headers })).status).toBe(404);
  });

  it("too many requests from one principal: 429 with Retry-After, whichever revision it speaks", async () => {
    const limited = await startServerProcess(SWITCHES_FIXTURE, (url) => ({ ...env(url), MCP_RATE_LIMIT_PER_MINUTE: "5" }));
    try {
      const authorization = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: limited.url, scopes: ["switches:read"], subject: "busy" })}`;
      const statuses = [];
      // Alternating revisions: both draw on the one budget of the principal.
      for (let i = 0; i < 7; i++) statuses.push((await postMcp(limited.url, LIST_TOOLS, PROTOCOLS[i % 2]!, { authorization })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await postMcp(limited.url, LIST_TOOLS, PROTOCOLS[0], { authorization });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.stop();
    }
  });

  it("failed authentications are limited per client address, and callers with a good token carry on", async () => {
    const guarded = await startServerProcess(SWITCHES_FIXTURE, (url) => ({ ...env(url), MCP_AUTH_FAILURES_PER_MINUTE: "3" }));
    try {
      const good = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: guarded.url, scopes: ["switches:read"], subject: "alice" })}`;
      const forged = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: "http://127.0.0.1:1/mcp", scopes: ["switches:read"], subject: "mallory" })}`;
      expect((await postMcp(guarded.url, LIST_TOOLS, PROTOCOLS[0], { authorization: good })).status).toBe(200);
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await postMcp(guarded.url, LIST_TOOLS, PROTOCOLS[i % 2]!, { authorization: forged })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const limited = await postMcp(guarded.url, LIST_TOOLS, PROTOCOLS[1], { authorization: forged });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Asking without a token is how OAuth discovery starts: always the challenge, never counted.
      expect((await postMcp(guarded.url, LIST_TOOLS, PROTOCOLS[0])).status).toBe(401);
      for (const protocol of PROTOCOLS) expect((await postMcp(guarded.url, LIST_TOOLS, protocol, { authorization: good })).status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });

  it("JSON-RPC batches: refused where the revision has none, charged per message where it has", async () => {
    const limited = await startServerProcess(SWITCHES_FIXTURE, (url) => ({ ...env(url), MCP_RATE_LIMIT_PER_MINUTE: "5" }));
    const postBatch = async (subject: string, protocol: string, batch: unknown[]) => {
      const authorization = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: limited.url, scopes: ["switches:read"], subject })}`;
      const response = await fetch(limited.url, {
        method: "POST",
        headers: { authorization, "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": protocol },
        body: JSON.stringify(batch),
      });
      return { status: response.status, body: await response.text() };
    };
    const lists = (count: number) => Array.from({ length: count }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "tools/list" }));
    try {
      for (const protocol of ["2025-06-18", "2025-11-25", "2026-07-28"]) {
        const refused = await postBatch(`batcher-${protocol}`, protocol, lists(3));
        expect(refused.status, protocol).toBe(400);
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: -32600 } });
      }
      const empty = await postBatch("empty", "2025-03-26", []);
      expect(empty.status).toBe(400);
      expect(JSON.parse(empty.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32600 } });
      const allowed = await postBatch("old-client", "2025-03-26", lists(3));
      expect(allowed.status).toBe(200);
      // The SDK streams a batch's replies as server-sent events.
      const replies = allowed.body
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .flatMap((line) => JSON.parse(line.slice(6)) as { id: number } | { id: number }[]);
      expect(replies.map((reply) => reply.id).sort()).toEqual([1, 2, 3]);
      // The same principal has 2 of its 5 left: a batch of 3 must not pass as one request.
      expect((await postBatch("old-client", "2025-03-26", lists(3))).status).toBe(429);
      expect((await postBatch("another-old-client", "2025-03-26", lists(6))).status).toBe(429);
    } finally {
      await limited.stop();
    }
  });

  it("no token ever reaches the logs", async () => {
    const secret = await token(["switches:read"]);
    for (const protocol of PROTOCOLS) {
      await postMcp(server.url, LIST_TOOLS, protocol, { authorization: `Bearer ${secret}` });
      await postMcp(server.url, LIST_TOOLS, protocol, { authorization: `Bearer ${secret}x` });
    }
    expect(server.stderr()).not.toContain(secret.split(".")[2]);
    expect(server.stderr()).toContain('"decision":"authentication"');
  });
});
