/**
 * The MCP revisions every kit server speaks, for tooling that reads definitions without the SDK
 * (the catalog): `current` with per-request `_meta` and no `initialize`, and the `legacy` ones
 * negotiated by `initialize`, which are the SDK's own (a test holds the two lists together).
 */
export const PROTOCOL_REVISIONS = {
  current: ["2026-07-28"],
  legacy: ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05", "2024-10-07"],
} as const satisfies Record<string, readonly string[]>;
