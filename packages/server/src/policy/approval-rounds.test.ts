import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApprovalTokens, argumentsHash } from "@mcp-platform/auth";
import { mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { freePort } from "@mcp-platform/test-services";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HttpServer } from "../http/http-server.js";
import { mcpHttpRequest } from "../protocol/http-request.js";
import { exampleServer, notes } from "../test-support/example-server.js";
import { listen } from "../test-support/http.js";

/**
 * Approval as a multi round-trip request (2026-07-28), attacked over HTTP with real tokens: a
 * forged, expired, foreign or misapplied requestState is refused with -32602 and nothing runs;
 * an approved call runs once, however often it is retried.
 */
const home = mkdtempSync(join(tmpdir(), "approval-rounds-"));
const key = randomBytes(32);
const logLines: string[] = [];
const note = { note: "rotate the on-call pager" };
let issuer: DevIssuer;
let http: HttpServer;
let url: string;

beforeAll(async () => {
  issuer = await startDevIssuer({ home });
  const port = await freePort();
  const env = { PORT: String(port), MCP_AUTH: "on", MCP_AUTH_ISSUER: issuer.issuer, MCP_AUTH_AUDIENCE: `http://127.0.0.1:${port}/mcp` };
  const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(line) });
  ({ url, http } = await listen(exampleServer, env, { approvalKeys: [key] }, logger));
});
afterAll(async () => {
  await http.drain(1000);
  await issuer.close();
});
beforeEach(() => void notes.splice(0));

const token = (subject = "alice") => mintDevToken({ home, issuer: issuer.issuer, audience: `${url}/mcp`, scopes: ["example:write"], subject });

async function call(args: Record<string, unknown>, round: { requestState?: string; inputResponses?: Record<string, unknown> } = {}, subject = "alice") {
  const { headers, body } = mcpHttpRequest({ id: 1, method: "tools/call", params: { name: "append_note", arguments: args, ...round } }, "2026-07-28", {
    elicitation: { form: {} },
  });
  const response = await fetch(`${url}/mcp`, { method: "POST", headers: { ...headers, authorization: `Bearer ${await token(subject)}` }, body });
  return (await response.json()) as { result?: Record<string, unknown>; error?: { code: number; message: string } };
}

const approve = { approval: { action: "accept", content: { approve: true } } };

async function askedState(): Promise<string> {
  const first = await call(note);
  expect(first.result).toMatchObject({ resultType: "input_required", inputRequests: { approval: { method: "elicitation/create" } } });
  expect(JSON.stringify(first.result)).toContain('Append the note \\"rotate the on-call pager\\"');
  return first.result!.requestState as string;
}

function forged(claims: { subject?: string; server?: string; args?: unknown }, ttlSeconds = 300, signingKey = key) {
  const { subject = "alice", server = "example", args = note } = claims;
  return new ApprovalTokens([signingKey], ttlSeconds).issue({ subject, server, tool: "append_note", argumentsHash: argumentsHash(args) }, { phase: "approve" });
}

describe("approval of a write on 2026-07-28 (input_required with a signed requestState)", () => {
  it("asks first, runs on the approving retry, and records both decisions", async () => {
    const state = await askedState();
    expect(notes).toEqual([]);
    const done = await call(note, { requestState: state, inputResponses: approve });
    expect(done.result).toMatchObject({
      resultType: "complete",
      content: [{ text: "noted (1 notes)" }, { text: expect.stringMatching(/^Action \S+ recorded/) }],
    });
    expect(notes).toEqual([note.note]);
    expect(logLines.some((line) => line.includes('"decision":"approval","outcome":"requested"'))).toBe(true);
    expect(logLines.some((line) => line.includes('"decision":"approval","outcome":"granted"'))).toBe(true);
  });

  it.each([
    ["declines", { action: "decline" }, "declined"],
    ["cancels", { action: "cancel" }, "cancelled"],
    ["says no in the form", { action: "accept", content: { approve: false } }, "declined"],
  ])("does nothing when the human %s, and records the override", async (_how, answer, outcome) => {
    const state = await askedState();
    const refused = await call(note, { requestState: state, inputResponses: { approval: answer } });
    expect(refused.result).toMatchObject({ isError: true, content: [{ text: `The call to append_note was not approved (${outcome}); nothing was done.` }] });
    expect(notes).toEqual([]);
    expect(logLines.some((line) => line.includes(`"decision":"approval","outcome":"${outcome}"`))).toBe(true);
  });

  it.each([
    ["tampered with", async () => `${await askedState()}x`, "the approval is invalid"],
    ["expired", async () => (await forged({}, -60)).token, "the approval has expired"],
    ["issued to another principal", async () => (await forged({ subject: "mallory" })).token, "the approval was issued to another principal"],
    ["issued by another server", async () => (await forged({ server: "payroll" })).token, "the approval was issued by another server"],
    ["issued for other arguments", async () => (await forged({ args: { note: "something else" } })).token, "the arguments differ from the approved ones"],
    ["signed with a key this server does not hold", async () => (await forged({}, 300, randomBytes(32))).token, "signed with a key this server does not hold"],
  ])("refuses a requestState %s with -32602, and runs nothing", async (_what, state, reason) => {
    const refused = await call(note, { requestState: await state(), inputResponses: approve });
    expect(refused.error).toMatchObject({ code: -32602 });
    expect(refused.error!.message).toContain(reason);
    expect(notes).toEqual([]);
  });

  it("refuses a requestState presented by another principal than the one it was issued to", async () => {
    const state = await askedState();
    const refused = await call(note, { requestState: state, inputResponses: approve }, "mallory");
    expect(refused.error).toMatchObject({ code: -32602 });
    expect(notes).toEqual([]);
  });

  it("runs an approved call exactly once when it is retried 20 times at once, and gives all 20 its result", async () => {
    const state = await askedState();
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(note, { requestState: state, inputResponses: approve })));
    expect(notes).toEqual([note.note]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.result).toMatchObject({ content: [{ text: "noted (1 notes)" }, { text: expect.stringMatching(/^Action \S+ recorded/) }] });
    const later = await call(note, { requestState: state, inputResponses: approve });
    expect(later).toEqual(answers[0]);
    expect(notes).toHaveLength(1);
  });
});
