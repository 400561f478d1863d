import { defineTool, ToolError } from "@mcp-platform/server";
import { z } from "zod";
import type { RunbookLibrary } from "../runbook-library.js";

export function getRunbook(library: RunbookLibrary) {
  return defineTool({
    name: "get_runbook",
    title: "Get a runbook",
    description: "Returns the full markdown of one runbook by its slug (as returned by search_runbooks).",
    access: "read",
    input: z.object({
      slug: z
        .string()
        .max(100)
        .regex(/^[a-z0-9-]+$/, "slugs are lowercase words joined by '-'")
        .describe("The runbook's slug"),
    }),
    handler: ({ slug }) => {
      const runbook = library.get(slug);
      if (!runbook) throw new ToolError(`No runbook "${slug}". Known runbooks: ${library.slugs.join(", ")}`);
      return runbook.markdown;
    },
  });
}
