import { Client } from "@modelcontextprotocol/client";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineServer, defineTool } from "../definition/define.js";
import { ToolError } from "../definition/tool-error.js";
import { serveInMemory } from "../protocol/serve-in-memory.js";
import { ProtocolServerFactory } from "../protocol/server-factory.js";

let flag = "off";
const server = defineServer({
  name: "switches",
  version: "1.0.0",
  owner: "team-platform",
  description: "Write-ahead action log test server",
  tools: [
    defineTool({
      name: "set_flag",
      description: "Sets the flag; fails half-way when asked to",
      access: "write",
      input: z.object({ value: z.string(), failAfterSaving: z.boolean().default(false) }),
      handler: async ({ value, failAfterSaving }, ctx) => {
        await ctx.recordUndo({ previous: flag });
        if (failAfterSaving) throw new ToolError("Could not set the flag");
        flag = value;
        return `flag is ${flag}`;
      },
      undo: ({ undoData }) => {
        flag = (undoData as { previous: string }).previous;
        return `flag is ${flag} again`;
      },
    }),
  ],
});

async function approvingClient(): Promise<Client> {
  const served = serveInMemory(new ProtocolServerFactory(server, pino({ level: "silent" })));
  const client = new Client({ name: "t", version: "0" }, { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: "2026-07-28" } } });
  client.setRequestHandler("elicitation/create", () => ({ action: "accept", content: { approve: true } }));
  await client.connect(served.transport);
  return client;
}

describe("the action log", () => {
  it("records each approved call before it runs, with its undo data and its outcome", async () => {
    const client = await approvingClient();
    const failed = await client.callTool({ name: "set_flag", arguments: { value: "on", failAfterSaving: true } });
    expect(failed).toMatchObject({ isError: true, content: [{ text: "Could not set the flag" }] });
    const done = await client.callTool({ name: "set_flag", arguments: { value: "on" } });
    const { id } = done._meta?.["io.github.mcp-platform/action"] as { id: string };

    const { actions } = (await client.callTool({ name: "list_actions", arguments: {} })).structuredContent as {
      actions: { id: string; status: string; undoable: boolean }[];
    };
    expect(actions.map(({ status, undoable }) => ({ status, undoable }))).toEqual([
      { status: "done", undoable: true },
      { status: "failed", undoable: false },
    ]);
    const refused = await client.callTool({ name: "undo_action", arguments: { action_id: actions[1]!.id } });
    expect(refused.isError).toBe(true);
    expect((await client.callTool({ name: "undo_action", arguments: { action_id: id } })).isError).toBeFalsy();
    expect(flag).toBe("off");
  });
});
