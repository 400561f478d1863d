import type { CallToolResult } from "@modelcontextprotocol/client";
import { createTestClient, type TestProtocol } from "@mcp-platform/testing";
import { describe, expect, it } from "vitest";
import { SqliteInventory } from "./sqlite-inventory.js";
import { createInventoryServer } from "./server.js";

const APPROVAL = "io.github.mcp-platform/approval";
const ACTION = "io.github.mcp-platform/action";
const request = { service: "payments-api", enabled: true, reason: "database failover drill" };

async function setup(options: Parameters<typeof createTestClient>[1] = {}) {
  const inventory = new SqliteInventory(":memory:");
  const client = await createTestClient(createInventoryServer(inventory), options);
  return { inventory, client };
}

function approvalToken(result: CallToolResult): string {
  return (result._meta?.[APPROVAL] as { token: string }).token;
}

describe("set_maintenance_mode without elicitation: plan, then confirm", () => {
  it("does nothing on the first call and returns the plan with a token", async () => {
    const { inventory, client } = await setup();
    const first = await client.callTool({ name: "set_maintenance_mode", arguments: request });
    expect(first.isError).toBe(true);
    expect(JSON.stringify(first.content)).toContain("payments-api (tier 1, team-payments) goes from active to maintenance");
    expect(approvalToken(first)).toMatch(/^ey/);
    expect((await inventory.get("payments-api"))!.status).toBe("active");
  });

  it("refuses an unknown service in the plan with the plan's own message", async () => {
    const { client } = await setup();
    const refused = await client.callTool({ name: "set_maintenance_mode", arguments: { ...request, service: "nope" } });
    expect(refused).toMatchObject({ isError: true, content: [{ type: "text", text: 'No service "nope" in the inventory.' }] });
  });

  it("runs with the token, records the action, and undo restores the state", async () => {
    const { inventory, client } = await setup();
    const first = await client.callTool({ name: "set_maintenance_mode", arguments: request });
    const confirmed = await client.callTool({
      name: "set_maintenance_mode",
      arguments: { ...request, approval_token: approvalToken(first) },
    });
    expect(confirmed.isError).toBeFalsy();
    expect(confirmed.structuredContent).toMatchObject({ name: "payments-api", status: "maintenance", maintenanceReason: request.reason });
    const { id } = confirmed._meta?.[ACTION] as { id: string; undoable: boolean };

    const listed = await client.callTool({ name: "list_actions", arguments: {} });
    expect(listed.structuredContent).toMatchObject({ actions: [{ id, tool: "set_maintenance_mode", undoable: true }] });

    const undone = await client.callTool({ name: "undo_action", arguments: { action_id: id } });
    expect(undone.isError).toBeFalsy();
    expect(await inventory.get("payments-api")).toMatchObject({ status: "active", maintenanceReason: null });
    const again = await client.callTool({ name: "undo_action", arguments: { action_id: id } });
    expect(again).toMatchObject({ isError: true, content: [{ text: `Action ${id} was already undone.` }] });
  });

  it("refuses a token used with other arguments, and answers a replay with the first outcome without acting again", async () => {
    const { inventory, client } = await setup();
    const token = approvalToken(await client.callTool({ name: "set_maintenance_mode", arguments: request }));
    const altered = await client.callTool({
      name: "set_maintenance_mode",
      arguments: { ...request, service: "checkout-web", approval_token: token },
    });
    expect(altered).toMatchObject({ isError: true, content: [{ text: "Approval refused: the arguments differ from the approved ones. Nothing was done." }] });
    expect((await inventory.get("checkout-web"))!.status).toBe("active");
    const first = await client.callTool({ name: "set_maintenance_mode", arguments: { ...request, approval_token: token } });
    const replayed = await client.callTool({ name: "set_maintenance_mode", arguments: { ...request, approval_token: token } });
    expect(replayed).toEqual(first);
    const listed = await client.callTool({ name: "list_actions", arguments: {} });
    expect((listed.structuredContent as { actions: unknown[] }).actions).toHaveLength(1);
  });
});

describe.each<TestProtocol>(["2026-07-28", "2025-11-25"])("set_maintenance_mode with a %s client that supports elicitation", (protocol) => {
  for (const [answer, expectedStatus] of [
    [true, "maintenance"],
    [false, "active"],
  ] as const) {
    it(`${answer ? "runs when the user approves" : "does nothing when the user says no"}`, async () => {
      const { inventory, client } = await setup({ protocol, capabilities: { elicitation: { form: {} } } });
      const asked: string[] = [];
      client.setRequestHandler("elicitation/create", (elicitation) => {
        asked.push((elicitation.params as { message: string }).message);
        return { action: "accept", content: { approve: answer } };
      });
      const result = await client.callTool({ name: "set_maintenance_mode", arguments: request });
      expect(asked[0]).toContain("Approve set_maintenance_mode?");
      expect(asked[0]).toContain("goes from active to maintenance");
      expect(asked[0]).toContain("It can be undone afterwards (undo_action).");
      expect(Boolean(result.isError)).toBe(!answer);
      expect((await inventory.get("payments-api"))!.status).toBe(expectedStatus);
    });
  }
});

describe("inputs", () => {
  it("are bounded: an oversized service name is refused before any lookup", async () => {
    const { client } = await setup();
    for (const [name, args] of [
      ["get_service", { name: "x".repeat(10_000) }],
      ["list_services", { team: "t".repeat(10_000) }],
    ] as const) {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError).toBe(true);
      expect((result.content as { text: string }[])[0]!.text).toContain("Too big");
    }
  });
});
