import { defineTool } from "@mcp-platform/server";
import { z } from "zod";
import type { RunbookLibrary } from "../runbook-library.js";

export function searchRunbooks(library: RunbookLibrary) {
  return defineTool({
    name: "search_runbooks",
    title: "Search runbooks",
    description: "Finds operations runbooks matching a free-text query (symptom, alert name, service or technology).",
    access: "read",
    input: z.object({
      query: z.string().min(1).max(200).describe("What is happening, e.g. 'replication lag' or 'KafkaConsumerLagHigh'"),
      limit: z.number().int().min(1).max(20).default(5).describe("Maximum number of runbooks to return"),
    }),
    output: z.object({
      results: z.array(z.object({ slug: z.string(), title: z.string(), service: z.string(), severity: z.string(), summary: z.string() })),
    }),
    handler: ({ query, limit }) => ({
      results: library.search(query, limit).map(({ slug, title, service, severity, summary }) => ({
        slug,
        title,
        service,
        severity,
        summary,
      })),
    }),
  });
}
