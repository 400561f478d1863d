// Last part: what the tour's calls came to, read back from the stores its servers wrote.
import { run } from "@mcp-platform/cli";
import { dim, section, step } from "./tour.mjs";

export async function outcomesTour({ root, home }) {
  section("Outcomes: how often humans overrode the automation, who still calls deprecated tools");
  step(`pnpm mcp-platform outcomes --since 1h ${dim("(the stores under this tour's MCP_PLATFORM_HOME, as its servers were configured)")}`);
  const io = {
    cwd: root,
    env: { ...process.env, MCP_PLATFORM_HOME: home },
    out: (report) => console.log(report.replace(/^(?=.)/gm, "   ")),
    err: (line) => console.error(line),
  };
  const code = await run(["outcomes", "--since", "1h"], io);
  if (code !== 0) throw new Error(`mcp-platform outcomes exited with ${code}`);
}
