/**
 * An error whose message is safe to show the caller (not found, bad state, ...). Any other error a
 * handler throws is reported as an internal error with a reference id, and logged in full.
 */
export class ToolError extends Error {
  override readonly name = "ToolError";
}
