import type { Principal } from "@mcp-platform/auth";
import { Client } from "@modelcontextprotocol/client";
import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { serveInMemory } from "../protocol/serve-in-memory.js";
import { ProtocolServerFactory } from "../protocol/server-factory.js";
import { exampleServer } from "../test-support/example-server.js";
import { PROTOCOLS } from "../test-support/http.js";
import { createTrust, type TrustOptions } from "./trust.js";

const logger = pino({ level: "silent" });
const READ_TOOLS = ["broken_output", "echo", "explode", "refuse", "slow"];
const WRITE_TOOLS = ["append_note", "store_document", "unplannable"];
const caller = (scopes: string[]): Principal => ({ kind: "token", subject: "alice", scopes: new Set(scopes) });

describe.each(PROTOCOLS)("trust boundaries, to a %s client", (protocol) => {
  async function connect(principal?: Principal, trust: TrustOptions = {}): Promise<Client> {
    const factory = new ProtocolServerFactory(exampleServer, logger, createTrust(exampleServer, logger, trust));
    const client = new Client({ name: "t", version: "0" }, protocol === "2026-07-28" ? { versionNegotiation: { mode: { pin: protocol } } } : {});
    await client.connect(serveInMemory(factory, principal).transport);
    onTestFinished(async () => {
      await client.close();
      await factory.trust.close();
    });
    return client;
  }
  const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();

  it("shows a read-only caller only the read tools, and refuses a write tool naming the scope", async () => {
    const client = await connect(caller(["example:read"]));
    expect(await names(client)).toEqual(READ_TOOLS);
    const refused = await client.callTool({ name: "append_note", arguments: { note: "x" } });
    expect(refused).toMatchObject({ isError: true, content: [{ text: "Forbidden: append_note needs scope example:write." }] });
  });

  it("does not let the write scope reach a destructive tool", async () => {
    const client = await connect(caller(["example:write"]));
    expect(await names(client)).toEqual([...READ_TOOLS, ...WRITE_TOOLS].sort());
    const refused = await client.callTool({ name: "purge_cache", arguments: { cache: "sessions" } });
    expect(refused).toMatchObject({ isError: true, content: [{ text: "Forbidden: purge_cache needs scope example:admin." }] });
  });

  it("hides and refuses a tool named in MCP_DISABLED_TOOLS", async () => {
    const client = await connect(undefined, { disabledTools: ["echo"] });
    expect(await names(client)).not.toContain("echo");
    const refused = await client.callTool({ name: "echo", arguments: { text: "hi" } });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.content)).toContain("switched off by the operators");
  });
});
