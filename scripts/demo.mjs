// The tour a new user runs first (`pnpm demo`): real servers, a real MCP client, real output.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startServerProcess } from "@mcp-platform/testing";
import { readTraces, renderWaterfall } from "@mcp-platform/telemetry/viewer";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
let stepNumber = 0;
const step = (title) => console.log(`\n${bold(`${++stepNumber}. ${title}`)}`);
const show = (label, value) => console.log(`   ${label.padEnd(14)} ${value}`);

console.log(bold("MCP Platform Kit — demo tour"));
console.log(dim("Everything below is a real server process and a real MCP client on 127.0.0.1."));

step("Start apps/runbooks over Streamable HTTP");
// A fresh MCP_PLATFORM_HOME: the embedded telemetry file then holds only this tour's traces.
const home = mkdtempSync(join(tmpdir(), "mcp-platform-demo-"));
const runbooks = await startServerProcess(`${root}apps/runbooks/dist/index.js`, { LOG_LEVEL: "warn", MCP_PLATFORM_HOME: home });
show("listening", runbooks.url);
show("health", JSON.stringify(await (await fetch(new URL("/healthz", runbooks.url))).json()));

try {
  step("Connect an MCP client and list the tools");
  const client = new Client({ name: "demo", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(runbooks.url)));
  const info = client.getServerVersion();
  show("server", `${info.name} ${info.version}`);
  for (const tool of (await client.listTools()).tools) {
    const { readOnlyHint, destructiveHint } = tool.annotations ?? {};
    show(tool.name, `${tool.title} ${dim(`(readOnly=${readOnlyHint}, destructive=${destructiveHint})`)}`);
  }

  step('Call search_runbooks { query: "postgres replication lag" } inside the agent\'s trace');
  const agentTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
  const search = await client.callTool({
    name: "search_runbooks",
    arguments: { query: "postgres replication lag" },
    _meta: { traceparent: `00-${agentTrace}-00f067aa0ba902b7-01` },
  });
  for (const hit of search.structuredContent.results) show(hit.slug, `${hit.title} [${hit.severity}]`);

  step("Call get_runbook with a slug that does not exist");
  const missing = await client.callTool({ name: "get_runbook", arguments: { slug: "no-such-runbook" } });
  show("isError", String(missing.isError));
  show("message", missing.content[0].text);

  step("Send malformed JSON: the server answers with a JSON-RPC error and stays up");
  const malformed = await fetch(runbooks.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: "{not json",
  });
  show(`HTTP ${malformed.status}`, JSON.stringify((await malformed.json()).error));
  show("still ready", JSON.stringify(await (await fetch(new URL("/readyz", runbooks.url))).json()));
  await client.close();
} finally {
  step("Stop the server with SIGTERM (graceful drain, telemetry flushed)");
  show("exit code", String(await runbooks.stop()));
}

step("Read the traces of those calls (embedded exporter; `mcp-platform traces` shows the same)");
for (const trace of (await readTraces(join(home, "telemetry"))).slice(-4)) {
  console.log(renderWaterfall(trace, { color: Boolean(process.stdout.isTTY) }).replace(/^/gm, "   "));
}
console.log(`\n${bold("Done.")} Next: ${dim("pnpm test")} runs every test; README.md shows how to add a server.`);
