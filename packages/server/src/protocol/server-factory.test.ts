import { Client } from "@modelcontextprotocol/client";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleServer } from "../test-support/example-server.js";
import { PROTOCOLS } from "../test-support/http.js";
import { serveInMemory } from "./serve-in-memory.js";
import { ProtocolServerFactory } from "./server-factory.js";

const logLines: string[] = [];
const logger = pino({ level: "error" }, { write: (line: string) => void logLines.push(line) });

describe.each(PROTOCOLS)("a server built with the kit, to a %s client", (protocol) => {
  let client: Client;

  beforeAll(async () => {
    const served = serveInMemory(new ProtocolServerFactory(exampleServer, logger));
    client = new Client({ name: "t", version: "0" }, protocol === "2026-07-28" ? { versionNegotiation: { mode: { pin: protocol } } } : {});
    await client.connect(served.transport);
  });
  afterAll(() => client.close());

  it("advertises its name, version and derived annotations", async () => {
    expect(client.getServerVersion()).toMatchObject({ name: "example", version: "1.2.3" });
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === "purge_cache")?.annotations).toEqual({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
      openWorldHint: true,
    });
  });

  it("returns structured content for tools with an output schema", async () => {
    const result = await client.callTool({ name: "echo", arguments: { text: "hi" } });
    expect(result.structuredContent).toEqual({ echoed: "hi" });
  });

  it("reports bad arguments as a tool error naming the field", async () => {
    const result = await client.callTool({ name: "echo", arguments: { text: 42 } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/text/);
  });

  it("hides internal error details behind a reference that is in the log", async () => {
    const result = await client.callTool({ name: "explode", arguments: {} });
    const text = (result.content as { text: string }[])[0]!.text;
    expect(result.isError).toBe(true);
    expect(text).not.toContain("hunter2");
    const reference = /reference (\w+)/.exec(text)![1]!;
    expect(logLines.some((line) => line.includes(reference))).toBe(true);
  });

  it("refuses arguments nested deeper than 64 levels before any validator, hash or serializer walks them", async () => {
    let doc: unknown = "leaf";
    for (let i = 0; i < 5000; i++) doc = { inner: doc };
    const result = await client.callTool({ name: "store_document", arguments: { doc } });
    expect(result).toMatchObject({ isError: true, content: [{ text: "Invalid arguments for tool store_document: they nest deeper than 64 levels." }] });
    const shallow = await client.callTool({ name: "store_document", arguments: { doc: { a: { b: [1, 2] } } } });
    expect(JSON.stringify(shallow)).not.toContain("nest deeper");
  });

  it("turns a failure outside the handler (a throwing plan) into an internal error with a reference in the log", async () => {
    const result = await client.callTool({ name: "unplannable", arguments: {} });
    const text = (result.content as { text: string }[])[0]!.text;
    expect(result.isError).toBe(true);
    expect(text).not.toContain("hunter2");
    const reference = /reference (\w+)/.exec(text)![1]!;
    expect(logLines.some((line) => line.includes(reference) && line.includes("hunter2"))).toBe(true);
  });

  it("shows ToolError messages to the caller", async () => {
    const result = await client.callTool({ name: "refuse", arguments: {} });
    expect(result).toMatchObject({ isError: true, content: [{ type: "text", text: "Nothing to delete" }] });
  });

  it("refuses output that breaks the tool's own schema", async () => {
    const result = await client.callTool({ name: "broken_output", arguments: {} });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
  });

  it("answers an unknown tool with a JSON-RPC invalid-params error", async () => {
    await expect(client.callTool({ name: "nope", arguments: {} })).rejects.toMatchObject({ code: -32602 });
  });

  it("sends progress to callers that asked for it", async () => {
    const progress: number[] = [];
    await client.callTool({ name: "slow", arguments: { ms: 1 } }, { onprogress: (p) => void progress.push(p.progress) });
    expect(progress).toEqual([0, 1]);
  });

  it("refuses a tool past its sunset, naming the replacement, and stops listing it", async () => {
    const result = await client.callTool({ name: "old_echo", arguments: {} });
    expect(result).toMatchObject({ isError: true, content: [{ text: "Tool old_echo was retired on 2020-01-01; use echo instead." }] });
    expect((await client.listTools()).tools.map((t) => t.name)).not.toContain("old_echo");
  });
});
