import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupRuns } from "../process-group.js";
import { interruptGenerator } from "../test-support/interrupt-generator.js";
import { kitClone, type KitClone } from "../test-support/kit-clone.js";

/**
 * Servers generated from an older template of this repository (the one before the write tool's
 * plan let a ToolError speak, commit bfce46f), brought up to today's in a fresh clone with real git.
 */
const OLD_TEMPLATE_COMMIT = "ad67cc9";
const gen = (name: string, access: string) => [
  ...["server", "--name", name, "--owner", `team-${name}`, "--description", `The ${name} upgrade check.`, "--access", access],
  ...["--tool-description", `Sets the status of one ${name} item.`],
];
let kit: KitClone;
let current: string;

const status = () => kit.git("status", "--porcelain", "--untracked-files=all");
const commit = async (message: string) => {
  await kit.git("add", "--all");
  await kit.git("commit", "--quiet", "--message", message);
};
/** Replaces `templates/` with the tree of `commit`, files it did not have removed too. */
const useTemplates = async (commit: string) => {
  await kit.git("rm", "-r", "--quiet", "templates");
  await kit.git("checkout", commit, "--", "templates");
};
const edit = (path: string, change: (text: string) => string) => writeFile(join(kit.root, path), change(kit.read(path)));

beforeAll(async () => {
  kit = await kitClone();
  await kit.git("cat-file", "-e", `${OLD_TEMPLATE_COMMIT}^{commit}`).catch(() => {
    throw new Error(`the fixture template's commit ${OLD_TEMPLATE_COMMIT} is not in this clone: run the tests in a clone with its full history`);
  });
  current = (await kit.git("rev-parse", "HEAD")).trim();
  await kit.sh("pnpm", "turbo", "run", "build", "--filter=@mcp-platform/generator", "--output-logs=errors-only");
  await useTemplates(OLD_TEMPLATE_COMMIT);
  await commit("the kit's older template");
  // One after the other, each installed, contracted and cataloged, as a team would. Written only and
  // installed once for both, the second run's build would find the lockfile behind the first server's
  // package.json, and turbo, unable to read it, rebuilds every package.
  await kit.sh("pnpm", "gen", ...gen("alpha", "write"));
  await kit.sh("pnpm", "gen", ...gen("beta", "write"));
  await commit("servers generated from the older template");
  await useTemplates(current);
  await commit("the kit's current template");
  // The teams' own edits: alpha's in places the template did not change, beta's where it did.
  await edit("apps/alpha/src/tools/update-alpha.ts", (text) => `${text}\n/** Alpha's own helper. */\nexport const alphaOwn = 1;\n`);
  await edit("apps/alpha/README.md", (text) => `${text}\n## On call\n\nPage team-alpha.\n`);
  await edit("apps/beta/src/tools/update-beta.ts", (text) =>
    text.replace(/ {2}plan: async \(\{ id, status \}, ctx\) => \{\n[^]*?\n {2}\},\n/, "  plan: ({ id, status }) => `Beta item ${id} becomes ${status}.`,\n"),
  );
  await commit("the teams' own edits");
}, 600_000);
afterAll(() => kit.remove());

describe("pnpm gen upgrade, in a fresh clone", { timeout: 600_000 }, () => {
  it("--dry-run predicts the merges and the conflict, and writes nothing", async () => {
    const run = await kit.run("pnpm", "gen", "upgrade", "alpha", "beta", "--dry-run");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain("  merge    apps/alpha/src/tools/update-alpha.ts");
    expect(run.stdout).toContain("  merge    apps/alpha/README.md");
    expect(run.stdout).toContain("  conflict apps/beta/src/tools/update-beta.ts");
    expect(run.stdout).toContain("dry run: nothing written; 1 file(s) would conflict");
    expect(await status()).toBe("");
  });

  it("upgrades alpha: the template's changes applied, the team's edits kept, green, with its contract and changeset", async () => {
    await kit.sh("pnpm", "gen", "upgrade", "alpha");
    const tool = kit.read("apps/alpha/src/tools/update-alpha.ts");
    expect(tool).toContain("export const alphaOwn = 1;");
    expect(tool).toContain("const current = await callApi(ctx, id);\n    return `Item");
    const readme = kit.read("apps/alpha/README.md");
    expect(readme).toContain("## On call");
    expect(readme).toContain("pnpm gen upgrade alpha --dry-run");
    const version = (await kit.git("rev-parse", "HEAD:templates")).trim();
    expect(JSON.parse(kit.read("apps/alpha/mcp-template.json"))).toMatchObject({ template: version, answers: { name: "alpha", access: "write" } });
    expect(kit.read(`.changeset/upgrade-alpha-${version.slice(0, 12)}.md`)).toMatch(
      /^---\n"@mcp-platform\/alpha": patch\n---\n\nBrought up to the kit's server template/,
    );
    await kit.sh("pnpm", "turbo", "run", "build", "lint", "typecheck", "test", "--filter=@mcp-platform/alpha", "--output-logs=errors-only");
    await kit.sh("pnpm", "exec", "prettier", "--check", "apps/alpha");
    await kit.sh("pnpm", "contract:check");
    await kit.sh("pnpm", "catalog", "--check");
    expect(kit.read("CATALOG.md")).toContain(`| template | \`${version.slice(0, 12)}\``);
    await commit("alpha upgraded");
  });

  it("leaves beta's conflict between markers in that file only, and exits 1", async () => {
    const run = await kit.run("pnpm", "gen", "upgrade", "beta");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain("✖ conflicts left in apps/beta/src/tools/update-beta.ts: resolve the regions between <<<<<<< and >>>>>>>");
    const marked = await kit.run("git", "grep", "-l", "^<<<<<<< yours", "--", "apps/beta");
    expect(marked.stdout).toBe("apps/beta/src/tools/update-beta.ts\n");
    expect(kit.read("apps/beta/src/tools/update-beta.ts")).toMatch(
      /<<<<<<< yours\n[^]*\|\|\|\|\|\|\| template [0-9a-f]{12}\n[^]*=======\n[^]*>>>>>>> template [0-9a-f]{12}\n/,
    );
    // The team settles it the simple way for the rest of this test: its edit goes, then it upgrades again.
    await kit.git("reset", "--quiet", "--hard");
    await kit.git("clean", "-fdq");
    await kit.git("checkout", "HEAD~2", "--", "apps/beta/src/tools/update-beta.ts");
    await commit("beta drops its conflicting edit");
  });

  it("an upgrade interrupted (SIGTERM) while pnpm install runs leaves git status clean", async () => {
    const run = await interruptGenerator(kit.root, ["upgrade", "beta"], { env: kit.env, cue: "✔ write", signal: "SIGTERM" });
    expect(run, run.stdout).toMatchObject({ code: 143, stderr: "✖ interrupted by SIGTERM: rolled back, nothing this run wrote is left\n" });
    expect(await status()).toBe("");
  });

  it("an upgrade killed (SIGKILL) mid-way, with no chance to roll back, is put back by the next run", async () => {
    const run = await interruptGenerator(kit.root, ["upgrade", "beta"], { env: kit.env, cue: "✔ write", signal: "SIGKILL" });
    expect(run.code).toBeNull();
    // The install it started runs on in its own process group; it has to end before anything is put back.
    while (run.commands.some(groupRuns)) await setTimeout(100);
    expect(await status()).toContain(" M apps/beta/mcp-template.json");
    const dry = await kit.run("pnpm", "gen", "upgrade", "beta", "--dry-run");
    expect(dry.code, dry.stdout + dry.stderr).toBe(1);
    expect(dry.stderr).toContain("✖ an upgrade was killed before it could roll back: run pnpm gen upgrade without --dry-run to put its files back first");
    const next = await kit.run("pnpm", "gen", "upgrade", "alpha");
    expect(next.stdout).toMatch(/✔ put back what an upgrade killed before it could roll back \(pid \d+\) had written\nalpha: on the current template/);
    expect(await status()).toBe("");
  });

  it("--all upgrades every generated server in one go, and a second run changes nothing", async () => {
    const first = await kit.run("pnpm", "gen", "upgrade", "--all");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain("alpha: on the current template");
    expect(first.stdout).toMatch(/beta: template [0-9a-f]{12} -> [0-9a-f]{12}/);
    await kit.sh("pnpm", "turbo", "run", "test", "--filter=@mcp-platform/beta", "--output-logs=errors-only");
    await commit("beta upgraded");
    const second = await kit.run("pnpm", "gen", "upgrade", "--all");
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain("alpha: on the current template");
    expect(second.stdout).toContain("beta: on the current template");
    expect(await status()).toBe("");
  });
});
