import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startLockfileRegistry, type LockfileRegistry } from "@mcp-platform/test-services";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RepoCopy } from "./test-fixtures/repo-copy.js";
import { startVerdaccio, type Registry } from "./test-fixtures/verdaccio.js";

const exec = promisify(execFile);

interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
}

/**
 * The release flow of the README, whole, in a copy of the repository: a changeset,
 * `pnpm version-packages`, `pnpm release` to a real Verdaccio, then a consumer installs a published
 * package from it and uses it.
 */
describe("release to a registry", () => {
  let repo: RepoCopy;
  let registry: Registry;
  let uplink: LockfileRegistry;
  let scratch: string;

  beforeAll(async () => {
    // Third-party packages reach Verdaccio from a registry on loopback that knows the lockfile's (from the local store).
    uplink = await startLockfileRegistry(fileURLToPath(new URL("../../../pnpm-lock.yaml", import.meta.url)));
    [repo, registry, scratch] = await Promise.all([RepoCopy.create(), startVerdaccio(uplink.url), mkdtemp(join(tmpdir(), "release-test-"))]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([registry?.stop(), uplink?.close(), repo?.remove(), scratch && rm(scratch, { recursive: true, force: true })]);
  });

  it("versions, publishes and tags; the published package installs and imports", async () => {
    // The copy's `pnpm test` would run this very suite again inside itself, and lint, typecheck and
    // format-check again every package the bumps reach (a version is in each task's hash): the outer
    // run does all four on these same sources. Its release keeps the gates a release can break: the
    // build, the contract and catalog checks, and below, the format of each file the versioning writes.
    const scripts = JSON.parse(await repo.read("package.json")) as { scripts: Record<string, string> };
    const releaseGates = scripts.scripts.test!.replace(/ (lint|typecheck|check:format|test)(?= |$)/g, "");
    await repo.edit("package.json", (text) => text.replace(JSON.stringify(scripts.scripts.test), JSON.stringify(releaseGates)));
    await repo.commit("Release without the nested test, lint, typecheck and format runs");
    const before = JSON.parse(await repo.read("packages/contract/package.json")) as Manifest;
    const runbooksBefore = JSON.parse(await repo.read("apps/runbooks/package.json")) as Manifest;

    await repo.ok("pnpm", ["changeset", "add", "--minor", "@mcp-platform/contract", "-m", "Release test: contract feature"]);
    await repo.ok("pnpm", ["changeset", "add", "--patch", "@mcp-platform/runbooks", "-m", "Release test: runbooks fix"]);
    await repo.ok("pnpm", ["version-packages"]);
    // At least the bumps added here (changesets already pending in the repository may add more).
    const { version } = JSON.parse(await repo.read("packages/contract/package.json")) as Manifest;
    const { version: runbooksVersion } = JSON.parse(await repo.read("apps/runbooks/package.json")) as Manifest;
    expect(semver.gte(version, semver.inc(before.version, "minor")!)).toBe(true);
    expect(semver.gte(runbooksVersion, semver.inc(runbooksBefore.version, "patch")!)).toBe(true);
    expect(await repo.read("packages/contract/CHANGELOG.md")).toContain("Release test: contract feature");
    expect(await repo.read("apps/runbooks/mcp-contract.json")).toContain(`"version": "${runbooksVersion}"`);
    expect(await repo.read("catalog.json")).toContain(`"version": "${runbooksVersion}"`);
    await repo.commit("Version packages");
    const written = (await repo.ok("git", ["diff", "--name-only", "--diff-filter=d", "HEAD~1", "HEAD"])).split("\n").filter(Boolean);
    expect(written).toContain("packages/contract/CHANGELOG.md");
    await repo.ok("pnpm", ["exec", "prettier", "--check", "--no-error-on-unmatched-pattern", ...written]);

    const env = { npm_config_registry: registry.url, npm_config_userconfig: registry.npmrc };
    await repo.ok("pnpm", ["release"], env);

    const tags = (await repo.ok("git", ["tag", "--list"])).split("\n");
    expect(tags).toEqual(expect.arrayContaining([`@mcp-platform/contract@${version}`, `@mcp-platform/runbooks@${runbooksVersion}`]));
    const tarball = await publishedTarball(registry.url, "@mcp-platform/contract", version, scratch);
    const manifest = JSON.parse(await readFile(join(tarball, "package.json"), "utf8")) as Manifest;
    expect(manifest.version).toBe(version);
    // pnpm writes real ranges for the workspace's own packages and for the catalog's versions.
    expect(Object.values(manifest.dependencies ?? {}).filter((range) => /^(workspace|catalog):/.test(range))).toEqual([]);
    expect(manifest.dependencies?.zod).toMatch(/^\^4\./);
    expect(await readFile(join(tarball, "dist/index.js"), "utf8")).toContain("diffContracts");
    const runbooks = await fetch(`${registry.url}@mcp-platform%2frunbooks`);
    expect(runbooks.status, "private apps are tagged, never published").toBe(404);

    const project = join(scratch, "consumer");
    await mkdir(project);
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // Its own metadata cache: the shared one may hold this registry's address from an earlier run
    // (ports are reused) with a different tarball under the same version.
    const install = ["add", `@mcp-platform/contract@${version}`, `--config.cache-dir=${join(scratch, "pnpm-cache")}`];
    await exec("pnpm", install, { cwd: project, env: { ...process.env, ...env } });
    const script = `
      import { diffContracts } from "@mcp-platform/contract";
      const contract = (tools) => ({ name: "s", version: "1.0.0", owner: "o", description: "", tools });
      const tool = { name: "t", description: "", access: "read", annotations: {}, inputSchema: { type: "object" } };
      console.log(JSON.stringify(diffContracts(contract([tool]), contract([]))));`;
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ level: "breaking", tool: "t", change: "tool removed" })]);
  }, 900_000);
});

/** Downloads a published version's tarball from the registry and unpacks it into `dir`. */
async function publishedTarball(registry: string, name: string, version: string, dir: string): Promise<string> {
  const metadata = (await (await fetch(`${registry}${name.replace("/", "%2f")}`)).json()) as {
    versions: Record<string, { dist: { tarball: string } }>;
  };
  const url = metadata.versions[version]?.dist.tarball;
  if (!url) throw new Error(`${name}@${version} is not in the registry (has ${Object.keys(metadata.versions).join(", ")})`);
  await writeFile(join(dir, "package.tgz"), Buffer.from(await (await fetch(url)).arrayBuffer()));
  await exec("tar", ["-xzf", "package.tgz"], { cwd: dir });
  return join(dir, "package");
}
