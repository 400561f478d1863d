import { defineServer, packageVersion, type ServerDefinition } from "@mcp-platform/server";
import { contentTools } from "./fixtures/content-tools.js";
import { diagnosticTools } from "./fixtures/diagnostic-tools.js";
import { interactiveTools } from "./fixtures/interactive-tools.js";
import { prompts } from "./fixtures/prompts.js";
import { resources, resourceTemplates } from "./fixtures/resources.js";
import { roundTripPrompts, roundTripTools } from "./fixtures/round-trip-tools.js";
import { taskTools } from "./fixtures/task-tools.js";

/**
 * Every server fixture of the official MCP conformance suite (2026-07-28 and 2025-11-25), written
 * with the kit's public API only: the proof that a kit server speaks the whole protocol.
 */
export function createConformanceServer(): ServerDefinition {
  const server: ServerDefinition = defineServer({
    name: "conformance",
    title: "MCP conformance fixtures",
    version: packageVersion(import.meta.url),
    owner: "team-platform",
    description: "Implements the server fixtures of @modelcontextprotocol/conformance.",
    tools: [...contentTools, ...interactiveTools, ...roundTripTools, ...diagnosticTools(() => server), ...taskTools],
    resources,
    resourceTemplates,
    prompts: [...prompts, ...roundTripPrompts],
  });
  return server;
}

/** Every app's main export is its server definition (read by contract snapshots and the catalog). */
export default createConformanceServer();
