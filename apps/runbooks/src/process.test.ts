import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startServerProcess, type ServerProcess } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const run = promisify(execFile);
const inspectorPackage = createRequire(import.meta.url).resolve("@modelcontextprotocol/inspector/package.json");
const inspector = join(dirname(inspectorPackage), "clients/launcher/build/index.js");

/** The MCP Inspector CLI: a third-party client, run as its users run it. */
async function inspect(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [inspector, "--cli", ...args], { timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe("runbooks over stdio (real process)", () => {
  it("serves the SDK client", async () => {
    const client = new Client({ name: "t", version: "0" });
    // A stdio client passes the server only a few variables of its own unless told: the test's home is one more.
    const env = { MCP_PLATFORM_HOME: process.env.MCP_PLATFORM_HOME! };
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [entry], env, stderr: "ignore" }));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["find_runbooks", "get_runbook", "search_runbooks"]);
    const result = await client.callTool({ name: "search_runbooks", arguments: { query: "kafka" } });
    expect(JSON.stringify(result.structuredContent)).toContain("kafka-consumer-lag");
    await client.close();
  });

  it("lists its tools with annotations to the MCP Inspector CLI", async () => {
    const home = `MCP_PLATFORM_HOME=${process.env.MCP_PLATFORM_HOME}`;
    const { tools } = (await inspect(["-e", home, process.execPath, entry, "--method", "tools/list"])) as {
      tools: { name: string; annotations: Record<string, boolean> }[];
    };
    expect(tools.find((t) => t.name === "get_runbook")?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  });
});

describe("runbooks over Streamable HTTP (real process)", () => {
  let server: ServerProcess;
  beforeAll(async () => (server = await startServerProcess(entry)));
  afterAll(async () => expect(await server.stop()).toBe(0));

  it("serves the SDK client", async () => {
    const client = new Client({ name: "t", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    const result = await client.callTool({ name: "get_runbook", arguments: { slug: "kafka-consumer-lag" } });
    expect((result.content as { text: string }[])[0]!.text).toContain("# Kafka consumer lag");
    await client.close();
  });

  it("answers the MCP Inspector CLI: tools/list, tools/call, resources/read, prompts/get", async () => {
    const http = [server.url, "--transport", "http"];
    const { tools } = (await inspect([...http, "--method", "tools/list"])) as { tools: { name: string }[] };
    expect(tools).toHaveLength(3);
    const call = await inspect([...http, "--method", "tools/call", "--tool-name", "search_runbooks", "--tool-arg", "query=certificate"]);
    expect(JSON.stringify(call)).toContain("certificate-expiry");
    const read = await inspect([...http, "--method", "resources/read", "--uri", "runbook://disk-pressure"]);
    expect(JSON.stringify(read)).toContain("Node disk pressure");
    const prompt = await inspect([...http, "--method", "prompts/get", "--prompt-name", "triage_alert", "--prompt-args", "alert=X"]);
    expect(JSON.stringify(prompt)).toContain("An alert fired: X");
  });
});
