import { defineServer, defineTool } from "@mcp-platform/server/definition";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractOf, formatContract, parseContract } from "./contract.js";

const server = defineServer({
  name: "tickets",
  version: "1.2.0",
  owner: "team-support",
  description: "Tickets.",
  tools: [
    defineTool({
      name: "update_ticket",
      description: "Updates a ticket.",
      access: "write",
      deprecated: { since: "2026-01-01", sunset: "2026-04-01", replacement: "close_ticket", reason: "split" },
      input: z.object({ id: z.string(), status: z.enum(["open", "closed"]).optional() }),
      plan: () => "updates the ticket",
      waivers: [{ rule: "inputs.unbounded", reason: "ids come from the ticket system", expires: "2026-06-30" }],
      handler: () => "ok",
    }),
    defineTool({
      name: "close_ticket",
      title: "Close a ticket",
      description: "Closes a ticket.",
      access: "destructive",
      input: z.object({ id: z.string() }),
      output: z.object({ closed: z.boolean() }),
      irreversible: "the ticket system archives closed tickets",
      handler: () => ({ closed: true }),
    }),
  ],
});

describe("contractOf", () => {
  const contract = contractOf(server);

  it("records the server and each tool's name, access, schemas, deprecation, safeguards and waivers, tools sorted by name", () => {
    expect(Object.keys(contract)).toEqual(["name", "version", "owner", "description", "transport", "scopes", "tools"]);
    expect(contract).toMatchObject({ transport: "stdio", scopes: { read: `${contract.name}:read`, admin: `${contract.name}:admin` } });
    expect(contract.tools.map((tool) => tool.name)).toEqual(["close_ticket", "update_ticket"]);
    expect(Object.keys(contract.tools[0]!)).toEqual([
      "name",
      "title",
      "description",
      "access",
      "annotations",
      "inputSchema",
      "outputSchema",
      "plan",
      "undo",
      "irreversible",
    ]);
    expect(contract.tools[0]).toMatchObject({ plan: false, undo: false, irreversible: "the ticket system archives closed tickets" });
    expect(contract.tools[1]).toMatchObject({
      access: "write",
      annotations: { readOnlyHint: false, destructiveHint: false },
      inputSchema: { type: "object", required: ["id"] },
      deprecated: { since: "2026-01-01", sunset: "2026-04-01", replacement: "close_ticket", reason: "split" },
      plan: true,
      undo: false,
      waivers: [{ rule: "inputs.unbounded", reason: "ids come from the ticket system", expires: "2026-06-30" }],
    });
    expect(contract.tools[0]?.outputSchema).toMatchObject({ properties: { closed: { type: "boolean" } } });
  });

  it("sorts the keys inside schemas, so declaration order never shows in a diff", () => {
    expect(Object.keys(contract.tools[1]!.inputSchema)).toEqual(["properties", "required", "type"]);
  });

  it("is written as 2-space JSON with a trailing newline, and reads back the same", () => {
    const text = formatContract(contract);
    expect(text).toMatch(/^\{\n {2}"name": "tickets",\n/);
    expect(text.endsWith("}\n")).toBe(true);
    expect(parseContract(text, "x")).toEqual(contract);
  });

  it("names the file when it is not a contract", () => {
    expect(() => parseContract('{"name": 1}', "apps/x/mcp-contract.json")).toThrow(/^apps\/x\/mcp-contract\.json is not a tool contract/);
  });
});
