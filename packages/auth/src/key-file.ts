import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * Writes `content` to `path` unless the file exists, and returns what the file holds: another
 * process's content if it got there first, so processes starting at once agree on one key. The file
 * is written under a temporary name and linked into place, which fails if the name is taken, so no
 * reader ever sees it half written (creating it in place left a moment where it was empty).
 */
export function writeKeyFileOnce(path: string, content: string | Uint8Array): Buffer {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return readFileSync(path);
}
