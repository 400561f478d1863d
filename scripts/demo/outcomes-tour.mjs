// Last part: what the tour's calls came to, read back from the stores its servers wrote, and the
// fleet page that shows it beside every server's tools and policy.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { run } from "@mcp-platform/cli";
import { dim, section, show, step } from "./tour.mjs";

export async function outcomesTour({ root, home }) {
  section("Outcomes: how often humans overrode the automation, who still calls deprecated tools");
  const io = {
    cwd: root,
    env: { ...process.env, MCP_PLATFORM_HOME: home },
    out: (report) => console.log(report.replace(/^(?=.)/gm, "   ")),
    err: (line) => console.error(line),
  };
  step(`pnpm mcp-platform outcomes --since 1h ${dim("(the stores under this tour's MCP_PLATFORM_HOME, as its servers were configured)")}`);
  await mcpPlatform(io, "outcomes", "--since", "1h");

  // Kept after the tour (the temporary home is removed): under the checkout's ignored .mcp-platform/.
  const page = join(root, ".mcp-platform", "demo-fleet.html");
  step(`pnpm catalog --outcomes --since 1d --out .mcp-platform/demo-fleet.html ${dim("(the fleet page, with these outcomes charted)")}`);
  await mcpPlatform({ ...io, out: () => {} }, "catalog", "--outcomes", "--since", "1d", "--out", page);
  show("fleet page", `${pathToFileURL(page)} ${dim("(open it in a browser; the committed fleet.html is the same page without outcomes)")}`);
}

async function mcpPlatform(io, ...args) {
  const code = await run(args, io);
  if (code !== 0) throw new Error(`mcp-platform ${args[0]} exited with ${code}`);
}
