import { parseArgs } from "node:util";
import { usageError } from "./flags.js";

export const UPGRADE_USAGE = [
  "Usage: pnpm gen upgrade <server>... | --all [--dry-run] [--no-install]",
  "",
  "Brings servers made by pnpm gen server up to the kit's current template: the template they were",
  "rendered from and today's are rendered with their recorded answers (mcp-template.json), and the",
  "difference is merged into their files, keeping the team's own edits. A region both changed is left",
  "between conflict markers (exit code 1). Then: install, contract update, catalog, a changeset each.",
  "",
  "  --all        every server that has an mcp-template.json",
  "  --dry-run    print what would be updated, merged and conflicting; write nothing",
  "  --no-install write the merged files only (then: pnpm install, pnpm contract:update, pnpm catalog)",
].join("\n");

export interface UpgradeFlags {
  /** The servers named on the command line. */
  servers: string[];
  all: boolean;
  dryRun: boolean;
  install: boolean;
  help: boolean;
}

export function upgradeFlags(args: readonly string[]): UpgradeFlags {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        all: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        install: { type: "boolean", default: true },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
      allowNegative: true,
    });
    return { servers: positionals, all: values.all, dryRun: values["dry-run"], install: values.install, help: values.help };
  } catch (error) {
    throw usageError(error, "--all, --dry-run, --no-install, --help");
  }
}
