import { parseArgs } from "node:util";
import { readTraces, renderWaterfall, telemetryDirectory } from "@mcp-platform/telemetry/viewer";
import type { Command } from "../command.js";
import { integerFlag } from "../flags.js";

const command: Command = {
  summary: "show recent traces from the embedded telemetry files as terminal waterfalls",
  usage: "traces [--last N] [--trace ID] [--dir DIR]",
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { last: { type: "string", default: "5" }, trace: { type: "string" }, dir: { type: "string" } },
    });
    const last = integerFlag("last", values.last, 1, 1000);
    const directory = values.dir ?? telemetryDirectory(io.env);
    const traces = (await readTraces(directory)).filter((trace) => !values.trace || trace.traceId.startsWith(values.trace));
    if (traces.length === 0) {
      io.err(`No traces in ${directory}. Start a server with no OTEL_* exporter set and make a call, or pass --dir.`);
      return 1;
    }
    const color = Boolean(process.stdout.isTTY) && !io.env.NO_COLOR;
    io.out(
      traces
        .slice(-last)
        .map((trace) => renderWaterfall(trace, { color }))
        .join("\n\n"),
    );
    return 0;
  },
};
export default command;
