/**
 * `@mcp-platform/server/store`: the kit's durable state, for tooling that reads what servers
 * recorded (the outcome report) without starting a server or loading the MCP SDK.
 */
export type { ActionRecord, ActionStore, AuditEntry } from "./action-store.js";
export { openPostgresStore } from "./open-action-store.js";
export type { ActionCounts, ApprovalCounts, DeprecatedCalls, OutcomeQueries, OutcomeWindow, StoreOutcomes, ToolCounts, UndoMedian } from "./outcome-queries.js";
export type { PoolErrorSink } from "./postgres-pool.js";
export { SqliteActionStore } from "./sqlite-action-store.js";
export { defaultStorePath, openRecordedStores } from "./store-location.js";
