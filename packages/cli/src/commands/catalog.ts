import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { syncCatalog } from "@mcp-platform/contract";
import { platformHome } from "@mcp-platform/telemetry";
import { now } from "../clock.js";
import type { Command } from "../command.js";
import { storeEnvironment, writeFleetOutcomesPage } from "../fleet-outcomes-page.js";
import { durationFlag } from "../flags.js";

const command: Command = {
  summary:
    "write catalog.json, CATALOG.md, fleet.html and the CODEOWNERS servers block (--check: verify only; --outcomes or --store: a fleet page with outcomes too)",
  usage: "catalog [--check] [--outcomes | --store postgres://…|FILE.sqlite] [--since 30d] [--out FILE]",
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        check: { type: "boolean", default: false },
        outcomes: { type: "boolean", default: false },
        store: { type: "string" },
        since: { type: "string", default: "30d" },
        out: { type: "string" },
      },
    });
    // Flags are checked before anything is written.
    const sinceSeconds = durationFlag("since", values.since);
    const sync = await syncCatalog(io.cwd, { write: !values.check });
    const { changed } = sync;
    if (values.check) {
      if (changed.length === 0) return 0;
      io.err(`The catalog is out of date: ${changed.join(", ")}.\n  fix: pnpm catalog, then commit ${changed.join(" ")}`);
      return 1;
    }
    io.out(changed.length === 0 ? "Catalog is up to date." : `wrote ${changed.join(", ")}`);
    const env = storeEnvironment(io.env, io.cwd, values.store, values.outcomes);
    if (!env) return 0;
    // The committed fleet.html stays free of outcomes (they change by the minute); this copy has them.
    const out = values.out ? resolve(io.cwd, values.out) : join(platformHome(io.env), "fleet.html");
    const until = now(io.env);
    const since = new Date(until.getTime() - sinceSeconds * 1000);
    await writeFleetOutcomesPage(sync, { env, since, now: until, out, warn: (message) => io.err(message) });
    io.out(`wrote ${out}: the fleet page with outcomes since ${since.toISOString().slice(0, 10)}`);
    return 0;
  },
};
export default command;
