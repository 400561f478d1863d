// Part 1: the read-only runbooks server over HTTP with OAuth, its tools, errors and traces.
import { mintDevToken } from "@mcp-platform/auth/dev-issuer";
import { startServerProcess } from "@mcp-platform/testing";
import { connect, post } from "./connect.mjs";
import { dim, section, show, step, text } from "./tour.mjs";

export async function runbooksTour({ root, home, issuer }) {
  section("apps/runbooks: a read-only server, behind OAuth");
  step("Start apps/runbooks over Streamable HTTP with auth on");
  const server = await startServerProcess(`${root}apps/runbooks/dist/index.js`, (url) => ({
    LOG_LEVEL: "warn",
    MCP_PLATFORM_HOME: home,
    MCP_AUTH: "on",
    MCP_AUTH_ISSUER: issuer,
    MCP_AUTH_AUDIENCE: url,
  }));
  show("listening", server.url);
  try {
    step("Call it without a token: the 401 tells the client where to get one");
    const refused = await post(server.url, { jsonrpc: "2.0", id: 1, method: "tools/list" });
    show(`HTTP ${refused.status}`, refused.challenge);

    step("Connect the SDK v2 client (MCP 2026-07-28) with a real token (scope runbooks:read) from the local dev issuer");
    const token = await mintDevToken({ home, issuer, audience: server.url, scopes: ["runbooks:read"], subject: "alice" });
    const client = await connect(server.url, token);
    const info = client.getServerVersion();
    show("server", `${info.name} ${info.version}, speaking ${client.getNegotiatedProtocolVersion()} (server/discover, no session)`);
    for (const tool of (await client.listTools()).tools) {
      const { readOnlyHint, destructiveHint } = tool.annotations ?? {};
      show(tool.name, `${tool.title} ${dim(`(readOnly=${readOnlyHint}, destructive=${destructiveHint})`)}`);
    }

    step('search_runbooks { query: "postgres replication lag" }, inside the agent\'s trace');
    const search = await client.callTool({
      name: "search_runbooks",
      arguments: { query: "postgres replication lag" },
      _meta: { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    });
    for (const hit of search.structuredContent.results) show(hit.slug, `${hit.title} [${hit.severity}]`);

    step("get_runbook with a slug that does not exist: a tool error, and the server stays up");
    const missing = await client.callTool({ name: "get_runbook", arguments: { slug: "no-such-runbook" } });
    show("isError", String(missing.isError));
    show("message", text(missing));

    step("Send malformed JSON: a JSON-RPC parse error");
    const malformed = await post(server.url, "{not json", token);
    show(`HTTP ${malformed.status}`, JSON.parse(malformed.body).error.message);
    await client.close();
  } finally {
    step("Stop it with SIGTERM: in-flight calls finish, telemetry is flushed");
    show("exit code", String(await server.stop()));
  }
}
