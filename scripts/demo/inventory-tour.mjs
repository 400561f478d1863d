// Part 2: trust boundaries on apps/inventory: a refused call, an approved action, and its undo.
import { mintDevToken } from "@mcp-platform/auth/dev-issuer";
import { startServerProcess } from "@mcp-platform/testing";
import { connect, post } from "./connect.mjs";
import { section, show, step, text } from "./tour.mjs";

const APPROVAL = "io.github.mcp-platform/approval";
const ACTION = "io.github.mcp-platform/action";

export async function inventoryTour({ root, home, issuer }) {
  section("apps/inventory: write actions behind approval, with undo");
  const server = await startServerProcess(`${root}apps/inventory/dist/index.js`, (url) => ({
    LOG_LEVEL: "warn",
    MCP_PLATFORM_HOME: home,
    MCP_INVENTORY_DB: `${home}/inventory.sqlite`,
    MCP_AUTH: "on",
    MCP_AUTH_ISSUER: issuer,
    MCP_AUTH_AUDIENCE: url,
  }));
  const tokenFor = (subject, scopes) => mintDevToken({ home, issuer, audience: server.url, scopes, subject });
  const request = { service: "payments-api", enabled: true, reason: "database failover drill" };
  try {
    step("A read-only caller tries the write tool: refused before it reaches the server");
    const reader = await tokenFor("bob", ["inventory:read"]);
    const refused = await post(server.url, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "set_maintenance_mode", arguments: request } }, reader);
    show(`HTTP ${refused.status}`, refused.challenge);

    step("A caller with inventory:write asks: the first call only returns the plan");
    const client = await connect(server.url, await tokenFor("alice", ["inventory:write"]));
    const planned = await client.callTool({ name: "set_maintenance_mode", arguments: request });
    show("plan", planned._meta[APPROVAL].plan);
    show("approval token", `${planned._meta[APPROVAL].token.slice(0, 24)}… (bound to alice, the tool and these arguments)`);

    step("After the human approves, the same call with the token runs it (once)");
    const done = await client.callTool({ name: "set_maintenance_mode", arguments: { ...request, approval_token: planned._meta[APPROVAL].token } });
    show("status", `${done.structuredContent.name} is ${done.structuredContent.status}`);
    const actionId = done._meta[ACTION].id;
    show("action", `${actionId} (undoable: ${done._meta[ACTION].undoable})`);
    const replay = await client.callTool({ name: "set_maintenance_mode", arguments: { ...request, approval_token: planned._meta[APPROVAL].token } });
    show("replayed token", text(replay));

    step("Undo it");
    const undone = await client.callTool({ name: "undo_action", arguments: { action_id: actionId } });
    show("undo", text(undone));
    const after = await client.callTool({ name: "get_service", arguments: { name: "payments-api" } });
    show("status", `${after.structuredContent.name} is ${after.structuredContent.status} again`);
    await client.close();
  } finally {
    await server.stop();
  }
}
