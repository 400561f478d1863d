import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLockfileRegistry, type LockfileRegistry } from "./lockfile-registry.js";

const LOCKFILE = `lockfileVersion: '9.0'
packages:
  '@eslint-community/eslint-utils@4.10.1':
    resolution: {integrity: sha512-utils}
    peerDependencies:
      eslint: ^10.0.0
  eslint@10.14.0:
    resolution: {integrity: sha512-old}
  eslint@10.15.0:
    resolution: {integrity: sha512-new}
    engines: {node: '>=22'}
  wrap-ansi-cjs@7.0.0:
    resolution: {integrity: sha512-alias}
  debug@4.4.3:
    resolution: {integrity: sha512-debug}
    peerDependencies:
      supports-color: '*'
    peerDependenciesMeta:
      supports-color:
        optional: true
  local-thing@1.0.0:
    resolution: {tarball: file:vendor/local-thing.tgz}
snapshots:
  '@eslint-community/eslint-utils@4.10.1(eslint@10.15.0)':
    dependencies:
      eslint: 10.15.0
  eslint@10.14.0: {}
  eslint@10.15.0:
    dependencies:
      '@eslint-community/eslint-utils': 4.10.1(eslint@10.15.0)
      wrap: wrap-ansi-cjs@7.0.0
  wrap-ansi-cjs@7.0.0: {}
  debug@4.4.3: {}
`;

let registry: LockfileRegistry;
beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), "lockfile-registry-")), "pnpm-lock.yaml");
  writeFileSync(path, LOCKFILE);
  registry = await startLockfileRegistry(path);
});
afterAll(() => registry.close());

const get = async (name: string) => {
  const response = await fetch(`${registry.url}${encodeURIComponent(name).replace("%40", "@")}`);
  return { status: response.status, body: (await response.json()) as { "dist-tags": unknown; versions: Record<string, object> } };
};

describe("an npm registry of a lockfile's packages", () => {
  it("serves every locked version with exact dependencies, so a resolver lands on what the lockfile holds", async () => {
    const { status, body } = await get("eslint");
    expect(status).toBe(200);
    expect(Object.keys(body.versions)).toEqual(["10.14.0", "10.15.0"]);
    expect(body["dist-tags"]).toEqual({ latest: "10.15.0" });
    expect(body.versions["10.15.0"]).toMatchObject({
      engines: { node: ">=22" },
      dependencies: { "@eslint-community/eslint-utils": "4.10.1", wrap: "npm:wrap-ansi-cjs@7.0.0" },
      dist: { integrity: "sha512-new", tarball: `${registry.url}eslint/-/eslint-10.15.0.tgz` },
    });
  });

  it("keeps peer dependencies and serves scoped names", async () => {
    const { body } = await get("@eslint-community/eslint-utils");
    expect(body.versions["4.10.1"]).toMatchObject({ peerDependencies: { eslint: "^10.0.0" }, dependencies: { eslint: "10.15.0" } });
  });

  it("serves an optional peer the lockfile wrote as '*' only in peerDependenciesMeta, as the manifest has it", async () => {
    const { body } = await get("debug");
    expect(body.versions["4.4.3"]).toMatchObject({ peerDependenciesMeta: { "supports-color": { optional: true } } });
    expect(body.versions["4.4.3"]).not.toHaveProperty("peerDependencies");
  });

  it("knows nothing else: unknown packages and non-registry resolutions are 404", async () => {
    expect((await get("left-pad")).status).toBe(404);
    expect((await get("local-thing")).status).toBe(404);
  });
});
