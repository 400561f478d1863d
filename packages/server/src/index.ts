export { ACCESS_LEVELS, annotationsFor, type AccessLevel, type ToolHints } from "./access.js";
export { ConfigError, loadConfig, type RuntimeConfig } from "./config.js";
export type { Elicitation, RequestContext } from "./context.js";
export {
  definePrompt,
  defineResource,
  defineResourceTemplate,
  defineServer,
  defineTool,
  type AnyPrompt,
  type AnyTool,
  type Completer,
  type PromptDefinition,
  type ResourceBody,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
  type ServerDefinition,
  type ToolContent,
  type ToolDefinition,
  type Deprecation,
  type ScopeNames,
} from "./define.js";
export { serverManifest, type ServerManifest, type ToolManifest } from "./manifest.js";
export { createLogger } from "./logger.js";
export { packageVersion } from "./package-version.js";
export { runServer, type RunOptions, type TelemetryLifecycle } from "./run.js";
export { serve, type RunningServer, type ServeOptions } from "./serve.js";
export { ToolError } from "./tool-error.js";
export { jsonSchemaInput, type JsonSchemaInput } from "./json-schema-input.js";
export { resourceUpdated } from "./resource-updates.js";
export { migrate, type Migration } from "./store/postgres-migrations.js";
export { openPostgresPool, type PoolErrorSink } from "./store/postgres-pool.js";
