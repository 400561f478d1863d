import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { storeManifestReader } from "./store-manifest.js";

const WORKSPACE = fileURLToPath(new URL("../../../", import.meta.url));

describe("manifests from pnpm's store", () => {
  it("reads a locked package's package.json by name, version and integrity: yaml's bin", () => {
    const installed = createRequire(import.meta.url)("yaml/package.json") as { version: string; bin: unknown };
    const lockfile = parse(readFileSync(`${WORKSPACE}pnpm-lock.yaml`, "utf8")) as { packages: Record<string, { resolution: { integrity: string } }> };
    const { integrity } = lockfile.packages[`yaml@${installed.version}`]!.resolution;
    expect(storeManifestReader(WORKSPACE)("yaml", installed.version, integrity)).toMatchObject({ bin: installed.bin });
  });

  it("reads a package the store lacks as undefined", () => {
    expect(storeManifestReader(WORKSPACE)("yaml", "0.0.1", "sha512-AAAA")).toBeUndefined();
  });
});
