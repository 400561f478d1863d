import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A package's `package.json` as pnpm's content-addressed store holds it, found by name, version and integrity. */
export type StoreManifestReader = (name: string, version: string, integrity: string) => { bin?: unknown } | undefined;

/**
 * Reads manifests from the pnpm store that serves the workspace at `dir` (`pnpm store path`). The
 * store indexes a package under the hex digest of its integrity, listing each file's own integrity;
 * file contents live under theirs. A package the store lacks, or a layout this does not know, reads
 * as undefined.
 */
export function storeManifestReader(dir: string): StoreManifestReader {
  const store = storePath(dir);
  if (!store) return () => undefined;
  // A file lives under its whole digest; a package's index under the first 32 bytes of the package's.
  const contentPath = (folder: string, integrity: string, length?: number) => {
    const hex = Buffer.from(integrity.replace(/^sha512-/, ""), "base64")
      .toString("hex")
      .slice(0, length);
    return join(store, folder, hex.slice(0, 2), hex.slice(2));
  };
  return (name, version, integrity) => {
    try {
      const index = JSON.parse(readFileSync(`${contentPath("index", integrity, 64)}-${name.replace("/", "+")}@${version}.json`, "utf8")) as {
        files: Record<string, { integrity: string }>;
      };
      return JSON.parse(readFileSync(contentPath("files", index.files["package.json"]!.integrity), "utf8")) as { bin?: unknown };
    } catch {
      return undefined;
    }
  };
}

function storePath(dir: string): string | undefined {
  try {
    return execFileSync("pnpm", ["store", "path"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}
