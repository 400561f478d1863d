// Part 3: what the platform recorded: the traces of the calls above, from the embedded exporter.
import { join } from "node:path";
import { readTraces, renderWaterfall } from "@mcp-platform/telemetry/viewer";
import { color, dim, section, step } from "./tour.mjs";

export async function tracesTour({ home }) {
  section("Traces: what the agent asked, what the platform decided, what the tool did");
  step(`The last tool calls as waterfalls ${dim("(`pnpm mcp-platform traces` draws a server's own from $MCP_PLATFORM_HOME/telemetry)")}`);
  const traces = (await readTraces(join(home, "telemetry"))).filter((trace) => trace.spans.some((span) => span.name.startsWith("tools/call")));
  for (const trace of traces.slice(-5)) console.log(renderWaterfall(trace, { color }).replace(/^/gm, "   "));
}
