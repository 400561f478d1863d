// Part 4: versioning: a deprecated tool keeps working and says so; the catalog maps the fleet.
import { readFileSync } from "node:fs";
import { startServerProcess } from "@mcp-platform/testing";
import { connect } from "./connect.mjs";
import { dim, section, show, step, text } from "./tour.mjs";

export async function versioningTour({ root, home }) {
  section("Versioning: deprecation by policy, and the fleet catalog");
  step("runbooks still serves find_runbooks, deprecated in favour of search_runbooks");
  const server = await startServerProcess(`${root}apps/runbooks/dist/index.js`, { LOG_LEVEL: "warn", MCP_PLATFORM_HOME: home });
  try {
    const client = await connect(server.url);
    const old = (await client.listTools()).tools.find((tool) => tool.name === "find_runbooks");
    show("description", old.description.split("\n")[0]);
    show("_meta", JSON.stringify(old._meta));
    const result = await client.callTool({ name: "find_runbooks", arguments: { word: "tls" } });
    show("still works", text(result));
    await client.close();
  } finally {
    await server.stop();
  }

  step(`The catalog ${dim("(pnpm catalog keeps catalog.json, CATALOG.md and CODEOWNERS in step)")}`);
  const catalog = JSON.parse(readFileSync(`${root}catalog.json`, "utf8"));
  for (const entry of catalog.servers) {
    const access = ["read", "write", "destructive"].map((level) => `${entry.counts[level] ?? 0} ${level}`).join(", ");
    const deprecated = entry.tools.filter((tool) => tool.deprecated).map((tool) => `${tool.name} (sunset ${tool.deprecated.sunset})`);
    show(
      entry.name,
      `${entry.owner}, v${entry.version}, ${entry.defaultTransport}; tools: ${access}${deprecated.length ? `; deprecated: ${deprecated.join(", ")}` : ""}`,
    );
  }
}
