import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeKeyFileOnce } from "@mcp-platform/auth";
import { localFileError } from "../local-file-error.js";

/**
 * The keys approvals are signed with: the first signs, all verify. Replicas must share them
 * (`MCP_APPROVAL_SECRET`, base64, at least 32 bytes; during a rotation the old one stays in
 * `MCP_APPROVAL_PREVIOUS_SECRETS` for one approval TTL). A single process keeps a generated key
 * (mode 0600) so that approvals survive a restart.
 */
export function approvalKeys(current: string | undefined, previous: readonly string[], keyFile: string): Uint8Array[] {
  const verifyOnly = previous.map((key) => Buffer.from(key, "base64"));
  return [current ? Buffer.from(current, "base64") : generatedKey(keyFile), ...verifyOnly];
}

/** What decides where the generated key lives, or makes it unnecessary. */
const KEY_VARIABLES = "MCP_PLATFORM_HOME, or set MCP_APPROVAL_SECRET";

function generatedKey(keyFile: string): Uint8Array {
  try {
    return readFileSync(keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw localFileError("the approval key", keyFile, KEY_VARIABLES, error);
  }
  try {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    return writeKeyFileOnce(keyFile, randomBytes(32));
  } catch (error) {
    throw localFileError("the approval key", keyFile, KEY_VARIABLES, error);
  }
}
