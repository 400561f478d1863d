import { defineTool } from "@mcp-platform/server";
import { z } from "zod";
import type { RunbookLibrary } from "../runbook-library.js";

/** The first version of search, kept working for agents whose prompts still name it. */
export function findRunbooks(library: RunbookLibrary) {
  return defineTool({
    name: "find_runbooks",
    title: "Find runbooks (old)",
    description: "Lists the slugs of runbooks whose text contains a word.",
    access: "read",
    deprecated: {
      since: "2026-11-01",
      sunset: "2027-02-15",
      replacement: "search_runbooks",
      reason: "search_runbooks ranks results and returns titles and summaries.",
    },
    input: z.object({ word: z.string().min(1).max(100).describe("A word to look for") }),
    handler: ({ word }) =>
      library
        .search(word, 20)
        .map((runbook) => runbook.slug)
        .join("\n") || "No runbook matches.",
  });
}
