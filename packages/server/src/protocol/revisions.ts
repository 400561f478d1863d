import { PROTOCOL_REVISIONS } from "../definition/protocol-revisions.js";

/** The MCP revisions with per-request `_meta` (no `initialize`) that this kit serves. */
export const MODERN_REVISIONS: readonly string[] = PROTOCOL_REVISIONS.current;
