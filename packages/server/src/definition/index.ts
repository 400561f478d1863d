/**
 * `@mcp-platform/server/definition`: what a server is (its tools, resources, prompts, scopes and
 * contract) without anything that runs it, so tooling (contract checks, the catalog, the
 * generator) reads definitions without loading the MCP SDK, OpenTelemetry or a database driver.
 */
export { ACCESS_LEVELS, ACCESS_RULES, annotationsFor, type AccessLevel, type AccessRule, type ScopeLevel, type ToolHints } from "./access.js";
export type { CacheHint } from "./cache-hint.js";
export {
  definePrompt,
  defineResource,
  defineResourceTemplate,
  defineServer,
  defineTool,
  type AnyPrompt,
  type AnyTool,
  type Completer,
  type Deprecation,
  type PromptDefinition,
  type ResourceBody,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
  type ScopeNames,
  type ServerDefinition,
  type TaskMode,
  type TaskOptions,
  type ToolContent,
  type ToolDefinition,
  type UndoRequest,
} from "./define.js";
export { jsonSchemaInput, type JsonSchemaInput } from "./json-schema-input.js";
export { serverManifest, type ServerManifest, type ToolManifest } from "./manifest.js";
export { PROTOCOL_REVISIONS } from "./protocol-revisions.js";
export type { Waiver } from "./safeguards.js";
export { scopeNames } from "./scope-names.js";
export { ToolError } from "./tool-error.js";
