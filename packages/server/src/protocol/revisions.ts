/** The MCP revisions with per-request `_meta` (no `initialize`) that this kit serves. */
export const MODERN_REVISIONS: readonly string[] = ["2026-07-28"];
