// Part 3: what a team does first: scaffold a server with the generator, then call it, in a throw-away clone.
import { once } from "node:events";
import { createServer } from "node:http";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { scaffoldServer, scratchClone } from "@mcp-platform/generator";
import { dim, section, show, step, text } from "./tour.mjs";

export async function scaffoldTour({ home }) {
  section("The generator: a new team server, green on first run");
  step(`pnpm gen server --name notes --owner team-demo --tool-description "…" ${dim("(in a throw-away clone of this checkout)")}`);
  const kit = await scratchClone();
  // The API the first tool calls (NOTES_API_URL): a stand-in with one item.
  const note = { id: "note-1", name: "First note", status: "active" };
  const api = createServer((request, response) => {
    const found = request.url === `/items/${note.id}`;
    response.writeHead(found ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(found ? note : { error: "not found" }));
  });
  api.listen(0, "127.0.0.1");
  await once(api, "listening");
  try {
    const started = performance.now();
    const { dir, steps } = await scaffoldServer({
      root: kit.root,
      name: "notes",
      owner: "team-demo",
      description: "A throw-away demo server.",
      toolDescription: "Returns one note of the notes API by its id.",
    });
    show("wrote", "apps/notes: package, entry point with telemetry and auth, one tool (it calls NOTES_API_URL) and its test, README, CHANGELOG");
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    show("steps", `${steps.map((done) => done.split(" ")[0]).join(" → ")} ${dim(`(${seconds} s: files, pnpm install, contract, catalog and CODEOWNERS)`)}`);

    step("Start it over stdio and call its first tool, speaking MCP 2026-07-28");
    const client = new Client({ name: "demo", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(dir, "dist/index.js")],
        env: { ...process.env, MCP_PLATFORM_HOME: home, LOG_LEVEL: "warn", NOTES_API_URL: `http://127.0.0.1:${api.address().port}` },
        stderr: "ignore",
      }),
    );
    show("server/discover", `${client.getServerVersion().name}, ${client.getNegotiatedProtocolVersion()}`);
    const [tool] = (await client.listTools()).tools;
    show("tools/list", `${tool.name} ${dim(JSON.stringify(tool.annotations))}`);
    const result = await client.callTool({ name: tool.name, arguments: { id: note.id } });
    show("tools/call", text(result));
    await client.close();
  } finally {
    api.close();
    await kit.remove();
  }
}
