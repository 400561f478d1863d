import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contractFiles } from "./update.js";

describe("the contract check's servers", () => {
  let root: string;
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function workspace(fleetDevDependencies: Record<string, string> | undefined): Promise<void> {
    root = await mkdtemp(join(tmpdir(), "fleet-dependencies-"));
    const write = async (path: string, text: string) => {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), text);
    };
    await write("package.json", JSON.stringify({ name: "kit", private: true }));
    await write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - apps/*\n");
    if (fleetDevDependencies) {
      await write("packages/fleet/package.json", JSON.stringify({ name: "@mcp-platform/fleet", private: true, devDependencies: fleetDevDependencies }));
    }
    for (const name of ["billing", "ledger"]) {
      await write(`apps/${name}/package.json`, JSON.stringify({ name: `@acme/${name}`, version: "0.1.0" }));
      await write(`apps/${name}/src/server.ts`, "export default {};\n");
    }
  }

  it("must all be devDependencies of the fleet package, which is what turbo builds before the check", async () => {
    await workspace({ "@acme/billing": "workspace:*" });
    await expect(contractFiles(root)).rejects.toThrow(
      "@acme/ledger is not in the devDependencies of packages/fleet/package.json, so turbo does not build it before the contract check.\n" +
        "  fix: pnpm --filter @mcp-platform/fleet add -D @acme/ledger@workspace:*",
    );
  });

  it("are read from their builds once the fleet package depends on each", async () => {
    await workspace({ "@acme/billing": "workspace:*", "@acme/ledger": "workspace:*" });
    await expect(contractFiles(root)).rejects.toThrow("apps/billing/dist/server.js is missing: build first");
  });

  it("need the fleet package itself, and say so when a fork removed it", async () => {
    await workspace(undefined);
    await expect(contractFiles(root)).rejects.toThrow(
      "packages/fleet/package.json is missing: it lists every server as a devDependency, so turbo builds them before the contract and catalog checks (restore it from the kit)",
    );
  });
});
