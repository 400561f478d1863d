import { defineServer, packageVersion } from "@mcp-platform/server";
import { contentTools } from "./fixtures/content-tools.js";
import { interactiveTools } from "./fixtures/interactive-tools.js";
import { prompts } from "./fixtures/prompts.js";
import { resources, resourceTemplates } from "./fixtures/resources.js";

/**
 * Every server fixture of the official MCP conformance suite, written with the kit's public API
 * only: the proof that a kit server speaks the whole protocol.
 */
export function createConformanceServer() {
  return defineServer({
    name: "conformance",
    title: "MCP conformance fixtures",
    version: packageVersion(import.meta.url),
    owner: "team-platform",
    description: "Implements the server fixtures of @modelcontextprotocol/conformance.",
    tools: [...contentTools, ...interactiveTools],
    resources,
    resourceTemplates,
    prompts,
  });
}

/** Every app's main export is its server definition (read by contract snapshots and the catalog). */
export default createConformanceServer();
