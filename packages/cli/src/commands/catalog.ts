import { parseArgs } from "node:util";
import { syncCatalog } from "@mcp-platform/contract";
import type { Command } from "../command.js";

const command: Command = {
  summary: "write catalog.json, CATALOG.md and the CODEOWNERS servers block (--check: verify only)",
  usage: "catalog [--check]",
  run: async (args, io) => {
    const { values } = parseArgs({ args, options: { check: { type: "boolean", default: false } } });
    const changed = await syncCatalog(io.cwd, { write: !values.check });
    if (!values.check) {
      io.out(changed.length === 0 ? "Catalog is up to date." : `wrote ${changed.join(", ")}`);
      return 0;
    }
    if (changed.length === 0) return 0;
    io.err(`The catalog is out of date: ${changed.join(", ")}.\n  fix: pnpm catalog, then commit ${changed.join(" ")}`);
    return 1;
  },
};
export default command;
