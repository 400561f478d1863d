import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { approvalKeys } from "./policy/approval-secret.js";
import { openActionStore } from "./store/open-action-store.js";

const logger = pino({ level: "silent" });

/** A path whose folder cannot be created: one of its parents is a plain file (as a read-only disk, but portable). */
function unwritable(name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "local-file-")), "a-file");
  writeFileSync(file, "");
  return join(file, "home", name);
}

describe("local files the server cannot create", () => {
  it("the SQLite store: one line naming the path and MCP_STORE_PATH, with what to do", async () => {
    const path = unwritable("store.sqlite");
    const opening = openActionStore(loadConfig({ MCP_STORE_PATH: path }), "unused", logger);
    await expect(opening).rejects.toBeInstanceOf(ConfigError);
    await expect(opening).rejects.toThrow(
      new RegExp(
        `^Cannot use the SQLite store at ${path} \\(MCP_STORE_PATH\\): ENOTDIR: .*; its folder must be writable \\(on a read-only root file system, mount a volume there\\)$`,
      ),
    );
  });

  it("the default store under the platform home names MCP_PLATFORM_HOME, and a folder as the file is named too", async () => {
    await expect(openActionStore(loadConfig({}), unwritable("store.sqlite"), logger)).rejects.toThrow(/\(MCP_PLATFORM_HOME\): ENOTDIR/);
    const folder = mkdtempSync(join(tmpdir(), "local-file-"));
    await expect(openActionStore(loadConfig({ MCP_STORE_PATH: folder }), "unused", logger)).rejects.toThrow(
      `Cannot use the SQLite store at ${folder} (MCP_STORE_PATH): unable to open database file; its folder must be writable`,
    );
  });

  it("the generated approval key names MCP_PLATFORM_HOME and MCP_APPROVAL_SECRET, which makes it unnecessary", () => {
    const keyFile = unwritable("approval.key");
    expect(() => approvalKeys(undefined, [], keyFile)).toThrow(ConfigError);
    expect(() => approvalKeys(undefined, [], keyFile)).toThrow(
      `Cannot use the approval key at ${keyFile} (MCP_PLATFORM_HOME, or set MCP_APPROVAL_SECRET): ENOTDIR`,
    );
    expect(approvalKeys(Buffer.alloc(32, 7).toString("base64"), [], keyFile)).toHaveLength(1);
  });
});
