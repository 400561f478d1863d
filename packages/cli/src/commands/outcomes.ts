import { parseArgs } from "node:util";
import { findWorkspace } from "@mcp-platform/contract";
import { outcomeReport, outcomeReportHtml, outcomeTable, readContracts, type OutcomeReport } from "@mcp-platform/contract/outcomes";
import { openRecordedStores } from "@mcp-platform/server/store";
import { now } from "../clock.js";
import type { Command } from "../command.js";
import { durationFlag } from "../flags.js";

const FORMATS: Record<string, (report: OutcomeReport) => string> = {
  table: outcomeTable,
  json: (report) => JSON.stringify(report, null, 2),
  html: outcomeReportHtml,
};

const command: Command = {
  summary: "what approvals, undos, deprecations and the kill switch came to, per server and tool, from the action store",
  usage: "outcomes [--since 30d] [--server NAME] [--undo-window 1h] [--format table|json|html]",
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        since: { type: "string", default: "30d" },
        server: { type: "string" },
        "undo-window": { type: "string", default: "1h" },
        format: { type: "string", default: "table" },
      },
    });
    const render = Object.hasOwn(FORMATS, values.format) ? FORMATS[values.format]! : undefined;
    if (!render) throw new Error(`--format must be table, json or html (got "${values.format}")`);
    const until = now(io.env);
    const since = new Date(until.getTime() - durationFlag("since", values.since) * 1000);
    const undoWindowSeconds = durationFlag("undo-window", values["undo-window"]);
    const contracts = await readContracts(await findWorkspace(io.cwd));
    const names = contracts.map((contract) => contract.name);
    if (values.server !== undefined && !names.includes(values.server)) {
      throw new Error(`no server named "${values.server}" (servers: ${names.join(", ") || "none"})`);
    }
    const stores = await openRecordedStores(io.env, { warn: (_details, message) => io.err(message) }, values.server);
    if (stores.length === 0) io.err("outcomes: no action store yet (servers create theirs on their first start); the figures are all 0.");
    try {
      const report = await outcomeReport({
        stores: stores.map((store) => store.outcomes),
        contracts,
        since,
        now: until,
        undoWindowSeconds,
        ...(values.server ? { server: values.server } : {}),
      });
      io.out(render(report));
      return 0;
    } finally {
      for (const store of stores) await store.close();
    }
  },
};
export default command;
