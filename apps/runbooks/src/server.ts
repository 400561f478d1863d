import { fileURLToPath } from "node:url";
import { definePrompt, defineResourceTemplate, defineServer, packageVersion } from "@mcp-platform/server";
import { z } from "zod";
import { RunbookLibrary } from "./runbook-library.js";
import { findRunbooks } from "./tools/find-runbooks.js";
import { getRunbook } from "./tools/get-runbook.js";
import { searchRunbooks } from "./tools/search-runbooks.js";

const RUNBOOK_DIRECTORY = fileURLToPath(new URL("../runbooks/", import.meta.url));

export function createRunbooksServer(library = new RunbookLibrary(RUNBOOK_DIRECTORY)) {
  return defineServer({
    name: "runbooks",
    title: "Runbooks",
    version: packageVersion(import.meta.url),
    owner: "team-sre",
    description: "Search and read the operations runbooks (read-only).",
    instructions: "Use search_runbooks with the alert name or symptom, then get_runbook for the steps.",
    tools: [searchRunbooks(library), getRunbook(library), findRunbooks(library)],
    resourceTemplates: [
      defineResourceTemplate({
        uriTemplate: "runbook://{slug}",
        name: "runbook",
        title: "Runbook",
        description: "One runbook as markdown",
        mimeType: "text/markdown",
        list: () => Promise.resolve(library.slugs.map((slug) => ({ uri: `runbook://${slug}`, name: slug, title: library.get(slug)!.title }))),
        complete: { slug: (value) => library.slugs.filter((slug) => slug.startsWith(value)) },
        read: (_uri, { slug }) => library.get(String(slug))?.markdown,
      }),
    ],
    prompts: [
      definePrompt({
        name: "triage_alert",
        title: "Triage an alert",
        description: "Guides the assistant through triaging an alert with the matching runbook.",
        args: z.object({ alert: z.string().describe("The alert name, e.g. PostgresReplicationLagHigh") }),
        get: ({ alert }) =>
          `An alert fired: ${alert}. Search the runbooks for it with search_runbooks, read the best match with ` +
          `get_runbook, and walk me through Detect and Mitigate step by step. Do not skip the escalation rule.`,
      }),
    ],
  });
}

/** Every app's main export is its server definition (read by contract snapshots and the catalog). */
export default createRunbooksServer();
