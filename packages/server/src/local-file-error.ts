import { ConfigError } from "./config.js";

/** Errors that mean the file or its folder could not be created or opened where the configuration puts it. */
const CANNOT_CREATE = new Set(["ENOENT", "EACCES", "EPERM", "EROFS", "ENOTDIR", "EISDIR"]);
const SQLITE_CANTOPEN = 14;

/**
 * A file the server keeps on local disk (its SQLite store, its generated approval key) could not be
 * used: one line naming the path and the variable that chose it, as a configuration mistake gets,
 * rather than a stack trace from deep inside the start. A read-only root file system without a
 * volume at `MCP_PLATFORM_HOME` is the usual cause in a cluster.
 */
export function localFileError(what: string, path: string, variable: string, error: unknown): ConfigError {
  const { message, code, errcode } = error as Error & { code?: string; errcode?: number };
  const cannotCreate = CANNOT_CREATE.has(code ?? "") || errcode === SQLITE_CANTOPEN;
  const hint = cannotCreate ? "; its folder must be writable (on a read-only root file system, mount a volume there)" : "";
  return new ConfigError(`Cannot use ${what} at ${path} (${variable}): ${message}${hint}`);
}
