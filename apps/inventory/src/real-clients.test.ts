import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, startServerProcess, type ServerProcess } from "@mcp-platform/testing";
import { Client, StreamableHTTPClientTransport, type CallToolResult } from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttpTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Clients no one here wrote, against the real inventory process with real tokens: the SDK v2
 * client speaking 2026-07-28 and the v1 client speaking 2025-11-25, on the same endpoint.
 */
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const home = mkdtempSync(join(tmpdir(), "inventory-real-clients-"));
let issuer: DevIssuer;
let server: ServerProcess;

beforeAll(async () => {
  issuer = await startDevIssuer({ home });
  server = await startServerProcess(entry, checkingTokensFrom(issuer.issuer, home));
});
afterAll(async () => {
  expect(await server.stop()).toBe(0);
  await issuer.close();
});

const token = (subject: string) => mintDevToken({ home, issuer: issuer.issuer, audience: server.url, scopes: ["inventory:write"], subject });
const text = (result: CallToolResult) => result.content.map((block) => (block.type === "text" ? block.text : "")).join("\n");
const actionOf = (result: CallToolResult) => (result._meta?.["io.github.mcp-platform/action"] as { id: string }).id;

describe("real MCP clients on apps/inventory over HTTP with a bearer token", () => {
  it("the SDK v2 client (2026-07-28): lists, calls, approves set_maintenance_mode in an MRTR round, then undoes it", async () => {
    const bearer = await token("ada");
    const client = new Client(
      { name: "sdk-v2", version: "2.4.0" },
      { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    const asked: string[] = [];
    client.setRequestHandler("elicitation/create", (request) => {
      asked.push((request.params as { message: string }).message);
      return { action: "accept", content: { approve: true } };
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: { token: () => Promise.resolve(bearer) } }));
    expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain("set_maintenance_mode");
    const done = await client.callTool({ name: "set_maintenance_mode", arguments: { service: "search-indexer", enabled: true, reason: "sdk v2" } });
    expect(asked).toEqual([expect.stringContaining("Approve set_maintenance_mode?")]);
    expect(done.structuredContent).toMatchObject({ name: "search-indexer", status: "maintenance" });
    const undone = await client.callTool({ name: "undo_action", arguments: { action_id: actionOf(done) } });
    expect(undone.isError).toBeFalsy();
    expect((await client.callTool({ name: "get_service", arguments: { name: "search-indexer" } })).structuredContent).toMatchObject({ status: "active" });
    await client.close();
  });

  it("the SDK v1 client (2025-11-25, stateless): lists, calls, approves set_maintenance_mode by plan/confirm, then undoes it", async () => {
    const bearer = await token("grace");
    const client = new LegacyClient({ name: "sdk-v1", version: "1.32.2" });
    await client.connect(new LegacyHttpTransport(new URL(server.url), { requestInit: { headers: { authorization: `Bearer ${bearer}` } } }));
    expect(client.getServerVersion()).toMatchObject({ name: "inventory" });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain("set_maintenance_mode");
    const args = { service: "report-builder", enabled: true, reason: "sdk v1" };
    const planned = (await client.callTool({ name: "set_maintenance_mode", arguments: args })) as CallToolResult;
    expect(text(planned)).toContain("Approval required before set_maintenance_mode runs.");
    const approval = (planned._meta?.["io.github.mcp-platform/approval"] as { token: string }).token;
    const done = (await client.callTool({ name: "set_maintenance_mode", arguments: { ...args, approval_token: approval } })) as CallToolResult;
    expect(done.structuredContent).toMatchObject({ name: "report-builder", status: "maintenance" });
    expect((await client.callTool({ name: "undo_action", arguments: { action_id: actionOf(done) } })).isError).toBeFalsy();
    expect((await client.callTool({ name: "get_service", arguments: { name: "report-builder" } })).structuredContent).toMatchObject({ status: "active" });
    await client.close();
  });
});
