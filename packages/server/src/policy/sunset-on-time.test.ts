import { Client } from "@modelcontextprotocol/client";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineServer, defineTool } from "../definition/define.js";
import { serveInMemory } from "../protocol/serve-in-memory.js";
import { ProtocolServerFactory } from "../protocol/server-factory.js";

const server = defineServer({
  name: "renames",
  version: "1.0.0",
  owner: "team-platform",
  description: "A server with a tool whose sunset is tonight",
  tools: [
    defineTool({ name: "read_note", description: "Reads the note", access: "read", handler: () => "note" }),
    defineTool({
      name: "get_note",
      description: "Reads the note (old name)",
      access: "read",
      deprecated: { since: "2030-01-01", sunset: "2030-04-01", replacement: "read_note", reason: "Renamed." },
      handler: () => "note",
    }),
  ],
});

describe("a deprecated tool on the night of its sunset", () => {
  beforeEach(() => void vi.useFakeTimers({ now: new Date("2030-04-01T23:59:00Z"), toFake: ["Date", "setTimeout", "clearTimeout"] }));
  afterEach(() => void vi.useRealTimers());

  it("leaves the list at midnight UTC, and a connected client is told, without a restart", async () => {
    const factory = new ProtocolServerFactory(server, pino({ level: "silent" }));
    const client = new Client({ name: "t", version: "0" });
    const listChanged = vi.fn();
    client.setNotificationHandler("notifications/tools/list_changed", listChanged);
    await client.connect(serveInMemory(factory).transport);
    const names = async () => (await client.listTools()).tools.map((tool) => tool.name);
    try {
      expect(await names()).toEqual(["read_note", "get_note"]);
      expect(await client.callTool({ name: "get_note", arguments: {} })).toMatchObject({ content: [{ text: "note" }] });

      await vi.advanceTimersByTimeAsync(60_000);
      expect(listChanged).toHaveBeenCalledTimes(1);
      expect(await names()).toEqual(["read_note"]);
      expect(await client.callTool({ name: "get_note", arguments: {} })).toMatchObject({ isError: true });
    } finally {
      await client.close();
      await factory.trust.close();
    }
  });
});
