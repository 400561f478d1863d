// Part 2: trust boundaries on apps/inventory: a refused call, an approved action, and its undo.
import { mintDevToken } from "@mcp-platform/auth/dev-issuer";
import { startServerProcess } from "@mcp-platform/testing";
import { connect, connectLegacy, post } from "./connect.mjs";
import { section, show, step, text } from "./tour.mjs";

const APPROVAL = "io.github.mcp-platform/approval";
const ACTION = "io.github.mcp-platform/action";

/** A 2026-07-28 tools/call on the wire: the revision and the client's capabilities ride in `_meta`. */
function modernCall(args) {
  const _meta = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientInfo": { name: "curl-like", version: "1.0.0" },
    "io.modelcontextprotocol/clientCapabilities": { elicitation: { form: {} } },
  };
  return { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "set_maintenance_mode", arguments: args, _meta } };
}

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
    const refused = await post(
      server.url,
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "set_maintenance_mode", arguments: request } },
      reader,
    );
    show(`HTTP ${refused.status}`, refused.challenge);

    step("A caller with inventory:write asks over MCP 2026-07-28: the call answers with an approval question");
    const writer = await tokenFor("alice", ["inventory:write"]);
    const answer = await post(server.url, modernCall(request), writer, {
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "tools/call",
      "mcp-name": "set_maintenance_mode",
    });
    const first = JSON.parse(answer.body).result;
    if (!first) throw new Error(`unexpected answer: HTTP ${answer.status} ${answer.body}`);
    show("resultType", first.resultType);
    show("question", first.inputRequests.approval.params.message.split("\n").join(" "));
    show("requestState", `${first.requestState.slice(0, 24)}… (signed: alice, this server, the tool, a hash of these arguments, an expiry)`);

    step("The SDK v2 client shows the form to its human, who approves; its retry runs the call (once)");
    const client = await connect(server.url, writer, (question) => {
      show("asked", question.message.split("\n")[0]);
      return { action: "accept", content: { approve: true } };
    });
    const done = await client.callTool({ name: "set_maintenance_mode", arguments: request });
    show("status", `${done.structuredContent.name} is ${done.structuredContent.status}`);
    const actionId = done._meta[ACTION].id;
    show("action", `${actionId} (undoable: ${done._meta[ACTION].undoable})`);

    step("Undo it");
    const undone = await client.callTool({ name: "undo_action", arguments: { action_id: actionId } });
    show("undo", text(undone));
    const after = await client.callTool({ name: "get_service", arguments: { name: "payments-api" } });
    show("status", `${after.structuredContent.name} is ${after.structuredContent.status} again`);
    await client.close();

    step("A 2025-11-25 client that cannot show forms gets plan/confirm instead: a plan and a one-time token");
    const legacy = await connectLegacy(server.url, await tokenFor("carol", ["inventory:write"]));
    const drill = { service: "search-indexer", enabled: true, reason: "reindex" };
    const planned = await legacy.callTool({ name: "set_maintenance_mode", arguments: drill });
    show("plan", planned._meta[APPROVAL].plan);
    const confirmed = await legacy.callTool({ name: "set_maintenance_mode", arguments: { ...drill, approval_token: planned._meta[APPROVAL].token } });
    show("confirmed", `${confirmed.structuredContent.name} is ${confirmed.structuredContent.status}`);
    const replay = await legacy.callTool({ name: "set_maintenance_mode", arguments: { ...drill, approval_token: planned._meta[APPROVAL].token } });
    show("same token again", `${replay.structuredContent.name} is ${replay.structuredContent.status}: the first run's recorded outcome; it did not run twice`);
    await legacy.callTool({ name: "undo_action", arguments: { action_id: confirmed._meta[ACTION].id } });
    await legacy.close();
  } finally {
    await server.stop();
  }
}
