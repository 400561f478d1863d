import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The key approval tokens are signed with. Replicas must share it (`MCP_APPROVAL_SECRET`, base64,
 * at least 32 bytes); a single process keeps a generated one (mode 0600) so that approvals
 * survive a restart.
 */
export function approvalSecret(fromEnvironment: string | undefined, keyFile: string): Uint8Array {
  if (fromEnvironment) return Buffer.from(fromEnvironment, "base64");
  try {
    return readFileSync(keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(keyFile);
}
