export * from "./definition/index.js";
export { ConfigError, loadConfig, type RuntimeConfig } from "./config.js";
export type { Elicitation, InputOptions, RequestContext } from "./context.js";
/** JSON-RPC errors a handler may answer with on purpose (a tool's own failures are `ToolError`s). */
export { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
export { createLogger } from "./logger.js";
export { packageVersion } from "./package-version.js";
export { runServer, type RunOptions } from "./run.js";
export type { TelemetryLifecycle } from "./telemetry-lifecycle.js";
export { serve, type RunningServer, type ServeOptions } from "./serve.js";
export { listChanged, resourceUpdated } from "./server-changes.js";
export { migrate, type Migration } from "./store/postgres-migrations.js";
export { openPostgresPool, type PoolErrorSink } from "./store/postgres-pool.js";
export { openSqliteFile } from "./store/sqlite-file.js";
