import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RepoCopy } from "./test-fixtures/repo-copy.js";

const SERVER = "apps/runbooks/src/server.ts";
const TOOLS = "tools: [searchRunbooks(library), getRunbook(library), findRunbooks(library)],";
const DEPRECATED =
  'defineTool({ ...getRunbook(library), deprecated: { since: "2030-01-01", sunset: "2030-04-01", replacement: "read_runbook", reason: "Renamed." } })';

/**
 * `pnpm contract:check` as CI runs it, in a copy of the repository on its own `main`. Each step builds;
 * the timeouts allow for the other long test files that share the machine's cores meanwhile.
 */
describe("pnpm contract:check", () => {
  let repo: RepoCopy;
  // turbo runs the check as a task and passes on what it prints to either stream as one.
  const check = async (now = "2030-01-01") => {
    const { code, stdout, stderr } = await repo.run("pnpm", ["--silent", "contract:check"], { MCP_PLATFORM_NOW: now });
    return { code, output: stdout + stderr };
  };

  beforeAll(async () => {
    repo = await RepoCopy.create();
  }, 420_000);
  afterAll(() => repo?.remove());

  describe("against the base branch", () => {
    afterEach(() => repo.reset());

    it("passes on a fresh clone, warning about unbounded inputs: the base is main itself", async () => {
      const result = await check();
      expect(result.output).toContain("Contract check passed");
      expect(result.code).toBe(0);
      expect(result.output).toMatch(/\d+ warnings \(mcp-platform.config.json sets these rules to warn, not error\):/);
      expect(result.output).toContain(
        "! conformance/test_sampling input.prompt: a string of any length (no maxLength)\n    fix: bound it, e.g. z.string().max(<n>)",
      );
      expect(result.output).not.toMatch(/! (runbooks|inventory)\//);
    }, 420_000);

    it("fails when a tool is removed, naming the changeset and the deprecation it needs", async () => {
      await repo.edit(SERVER, (text) => text.replace(TOOLS, "tools: [searchRunbooks(library), findRunbooks(library)],"));
      const stale = await check();
      expect(stale.code).toBe(1);
      expect(stale.output).toContain("apps/runbooks/mcp-contract.json does not match the server's definition");
      expect(stale.output).toContain("fix: pnpm contract:update, then commit apps/runbooks/mcp-contract.json");

      await repo.ok("pnpm", ["contract:update"]);
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain("breaking get_runbook: tool removed (clients and prompts that call it by name fail)");
      expect(result.output).toMatch(
        /@mcp-platform\/runbooks needs a major release for 1 breaking change\(s\) since main \(at \w+, no release tag yet\), but the pending changesets give it no release/,
      );
      expect(result.output).toContain("fix: pnpm changeset add --major @mcp-platform/runbooks -m 'runbooks: get_runbook: tool removed'");
      expect(result.output).toMatch(/runbooks\/get_runbook was removed, but main .* does not deprecate it\n +fix: restore get_runbook and deprecate it first/);
    }, 420_000);

    it("fails on unbounded inputs, $refs followed, when the policy says error instead of warn", async () => {
      await repo.edit("mcp-platform.config.json", (text) => text.replace('"inputs.unbounded": "warn"', '"inputs.unbounded": "error"'));
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        "x conformance/test_sampling input.prompt: a string of any length (no maxLength)\n    fix: bound it, e.g. z.string().max(<n>)",
      );
      expect(result.output).toContain("x conformance/json_schema_2020_12_tool input.address.city: a string of any length (no maxLength)");
    }, 420_000);

    it("fails a destructive tool without plan or undo until a waiver excuses it, and again once the waiver expires", async () => {
      const reindex = (waivers = "") =>
        `defineTool({ name: "reindex", description: "Rebuilds the index.", access: "destructive", ${waivers}handler: () => "ok" })`;
      await repo.edit(SERVER, (text) =>
        text.replace("import { definePrompt,", "import { definePrompt, defineTool,").replace(TOOLS, TOOLS.replace("],", `, ${reindex()}],`)),
      );
      await repo.ok("pnpm", ["contract:update"]);
      await repo.ok("pnpm", ["changeset", "add", "--minor", "@mcp-platform/runbooks", "-m", "Reindex"]);
      const failed = await check();
      expect(failed.code).toBe(1);
      expect(failed.output).toContain(
        "  x runbooks/reindex: a destructive tool without a plan\n    fix: add plan: (input) => `<what this call will change>` to its defineTool\n" +
          "    why (tools.plan): the person who approves a write or destructive call reads its plan",
      );
      expect(failed.output).toContain("  x runbooks/reindex: a destructive tool with neither undo nor irreversible\n");

      const waiver = (rule: string) => `{ rule: "${rule}", reason: "Runs in the nightly window only.", expires: "2030-03-31" }`;
      await repo.edit(SERVER, (text) => text.replace(reindex(), reindex(`waivers: [${waiver("tools.plan")}, ${waiver("tools.undo")}], `)));
      await repo.ok("pnpm", ["contract:update"]);
      const waived = await check("2030-03-31");
      expect(waived.output).toContain(
        "  waived   tools.plan until 2030-03-31: runbooks/reindex: a destructive tool without a plan (Runs in the nightly window only.)",
      );
      expect(waived.code).toBe(0);
      const expired = await check("2030-04-01");
      expect(expired.code).toBe(1);
      expect(expired.output).toContain("  x runbooks/reindex: its waiver of tools.plan expired on 2030-03-31\n");
      expect(expired.output).toContain("  x runbooks/reindex: a destructive tool without a plan\n");
    }, 420_000);

    it("fails when CODEOWNERS does not make the security reviewers co-owners of a contract", async () => {
      await repo.edit("CODEOWNERS", (text) => text.replace("/apps/runbooks/mcp-contract.json @team-sre @team-security\n", ""));
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain("  x runbooks: CODEOWNERS gives apps/runbooks/mcp-contract.json to @team-sre, not to @team-security\n");
      expect(result.output).toContain("    why (contract.security-review): security co-owns every mcp-contract.json");
    }, 420_000);

    it("needs a minor changeset for a new optional input", async () => {
      await repo.edit("apps/runbooks/src/tools/search-runbooks.ts", (text) =>
        text.replace("limit: z.number()", 'service: z.string().optional().describe("Only this service\'s runbooks"),\n      limit: z.number()'),
      );
      await repo.ok("pnpm", ["contract:update"]);
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain("minor    search_runbooks input.service: optional input added (existing calls stay valid)");
      expect(result.output).toContain(
        "fix: pnpm changeset add --minor @mcp-platform/runbooks -m 'runbooks: search_runbooks input.service: optional input added'",
      );

      await repo.ok("pnpm", ["changeset", "add", "--patch", "@mcp-platform/runbooks", "-m", "Filter by service"]);
      expect((await check()).output).toContain("but the pending changesets give it a patch release");
      await repo.reset();
      await repo.edit("apps/runbooks/src/tools/search-runbooks.ts", (text) =>
        text.replace("limit: z.number()", "service: z.string().optional(),\n      limit: z.number()"),
      );
      await repo.ok("pnpm", ["contract:update"]);
      await repo.ok("pnpm", ["changeset", "add", "--minor", "@mcp-platform/runbooks", "-m", "Filter by service"]);
      const passed = await check();
      expect(passed.output).toContain("Contract check passed");
      expect(passed.code).toBe(0);
    }, 420_000);
  });

  it("allows removing a tool in a major release once its released deprecation has run its window", async () => {
    await repo.edit(SERVER, (text) =>
      text
        .replace("import { definePrompt,", "import { definePrompt, defineTool,")
        .replace(
          TOOLS,
          `tools: [searchRunbooks(library), ${DEPRECATED}, defineTool({ ...getRunbook(library), name: "read_runbook" }), findRunbooks(library)],`,
        ),
    );
    await repo.ok("pnpm", ["contract:update"]);
    await repo.ok("pnpm", ["changeset", "add", "--minor", "@mcp-platform/runbooks", "-m", "Deprecate get_runbook for read_runbook"]);
    expect((await check()).code).toBe(0);
    await repo.ok("pnpm", ["version-packages"]);
    await repo.commit("Version packages");
    await repo.ok("pnpm", ["changeset", "git-tag"]);
    const released = JSON.parse(await repo.read("apps/runbooks/package.json")) as { version: string };

    await repo.edit(SERVER, (text) => text.replace(`${DEPRECATED}, `, ""));
    await repo.ok("pnpm", ["contract:update"]);
    const early = await check("2030-04-01");
    expect(early.code).toBe(1);
    expect(early.output).toContain(`compared with @mcp-platform/runbooks@${released.version} (last release)`);
    expect(early.output).toContain("runbooks/get_runbook was removed, but its sunset 2030-04-01 has not passed");
    expect(early.output).toContain("fix: pnpm changeset add --major @mcp-platform/runbooks");

    await repo.ok("pnpm", ["changeset", "add", "--major", "@mcp-platform/runbooks", "-m", "Remove get_runbook (use read_runbook)"]);
    const result = await check("2030-04-02");
    expect(result.output).not.toMatch(/Contract check failed|^ +x /m);
    expect(result.output).toContain("Contract check passed");
    expect(result.code).toBe(0);
  }, 420_000);
});
