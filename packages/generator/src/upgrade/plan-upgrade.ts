import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseTemplateRecord, TEMPLATE_RECORD_FILE, type TemplateRecord } from "@mcp-platform/contract";
import { TEMPLATES_DIR } from "../templates.js";
import { planChanges, type FileChange } from "./plan-changes.js";
import { renderedServer } from "./rendered-server.js";
import { extractTemplates } from "./template-version.js";

/** One server's upgrade, worked out and not yet written. */
export interface ServerUpgrade {
  server: string;
  /** `apps/<server>` */
  app: string;
  record: TemplateRecord;
  /** The template version it moves to; the same as `record.template` when it is up to date. */
  to: string;
  changes: FileChange[];
}

/** The generated servers: apps with a template record. */
export function generatedServers(root: string, apps: readonly string[]): string[] {
  return apps.filter((server) => existsSync(join(root, "apps", server, TEMPLATE_RECORD_FILE)));
}

/**
 * Renders the server's recorded template and the current one (`to`) with its recorded answers,
 * and merges the difference into its files, in memory.
 */
export async function planUpgrade(root: string, server: string, to: string): Promise<ServerUpgrade> {
  const app = `apps/${server}`;
  const recordPath = `${app}/${TEMPLATE_RECORD_FILE}`;
  const text = await readFile(join(root, recordPath), "utf8").catch(() => {
    throw new Error(`${recordPath} is missing: only servers made by pnpm gen server (which writes it) can be upgraded`);
  });
  const record = parseTemplateRecord(text, recordPath);
  if (record.template === to) return { server, app, record, to, changes: [] };
  const scratch = await mkdtemp(join(tmpdir(), "mcp-platform-upgrade-"));
  try {
    const recorded = join(scratch, "templates");
    await extractTemplates(record.template, recorded);
    const [base, next] = await Promise.all([renderedServer(root, app, record.answers, recorded), renderedServer(root, app, record.answers, TEMPLATES_DIR)]);
    const labels = { base: `template ${record.template.slice(0, 12)}`, next: `template ${to.slice(0, 12)}` };
    const ours = (path: string) => {
      const file = join(root, app, path);
      return existsSync(file) ? readFileSync(file, "utf8") : undefined;
    };
    return { server, app, record, to, changes: await planChanges({ base, next, labels }, ours) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
