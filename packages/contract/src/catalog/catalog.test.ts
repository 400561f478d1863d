import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatContract } from "../contract.js";
import { contract, deprecation, tool } from "../test-fixtures/contracts.js";
import type { Workspace } from "../workspace.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { catalogMarkdown } from "./catalog-markdown.js";

describe("catalog", () => {
  let rootDir: string;
  let catalog: Catalog;

  beforeAll(async () => {
    rootDir = await mkdtemp(join(tmpdir(), "catalog-"));
    const tools = [
      tool({ deprecated: deprecation }),
      tool({ name: "read_runbook" }),
      tool({ name: "restart_service", access: "write" }),
      tool({ name: "drop_cache", access: "destructive" }),
    ];
    await mkdir(join(rootDir, "apps/runbooks"), { recursive: true });
    await writeFile(
      join(rootDir, "apps/runbooks/mcp-contract.json"),
      formatContract(contract(tools, { replaces: ["cron:rotate-keys", "webhook:pagerduty-ack"] })),
    );
    const app = {
      packageName: "@acme/runbooks",
      dir: join(rootDir, "apps/runbooks"),
      relativeDir: "apps/runbooks",
      contractPath: "apps/runbooks/mcp-contract.json",
    };
    catalog = await buildCatalog({ rootDir, apps: [app] } satisfies Workspace);
  });
  afterAll(() => rm(rootDir, { recursive: true, force: true }));

  it("lists each server with owner, version, default transport and counts", () => {
    expect(catalog.counts).toEqual({ servers: 1, tools: 4, read: 2, write: 1, destructive: 1, deprecated: 1, integrationsRetired: 2 });
    expect(catalog.servers[0]?.replaces).toEqual(["cron:rotate-keys", "webhook:pagerduty-ack"]);
    expect(catalog.servers[0]).toMatchObject({ name: "runbooks", package: "@acme/runbooks", version: "1.0.0", owner: "team-sre", defaultTransport: "stdio" });
  });

  it("gives each tool its scope (destructive needs admin), approval and deprecation", () => {
    expect(catalog.servers[0]?.tools.map(({ name, scope, approval }) => [name, scope, approval])).toEqual([
      ["get_runbook", "runbooks:read", false],
      ["read_runbook", "runbooks:read", false],
      ["restart_service", "runbooks:write", true],
      ["drop_cache", "runbooks:admin", true],
    ]);
    expect(catalog.servers[0]?.tools[0]?.deprecated).toEqual({ since: "2026-01-01", sunset: "2026-04-01", replacement: "read_runbook", reason: "renamed" });
  });

  it("renders a readable CATALOG.md", () => {
    const markdown = catalogMarkdown(catalog);
    expect(markdown).toContain("1 server, 4 tools (2 read, 1 write, 1 destructive), 1 deprecated; 2 one-off integrations retired.");
    expect(markdown).toContain("| replaces | `cron:rotate-keys`, `webhook:pagerduty-ack` |");
    expect(markdown).toContain("| `drop_cache` | destructive | `runbooks:admin` | yes |  |");
    expect(markdown).toContain("| `get_runbook` | read | `runbooks:read` | no | since 2026-01-01, sunset 2026-04-01, use `read_runbook` |");
  });

  it("shows the template a generated server was rendered from, and names a broken record", async () => {
    expect(catalog.servers[0]?.template).toBeUndefined();
    const tree = "0123456789abcdef0123456789abcdef01234567";
    const record = join(rootDir, "apps/runbooks/mcp-template.json");
    await writeFile(record, JSON.stringify({ template: tree, answers: { name: "runbooks" } }));
    const app = {
      packageName: "@acme/runbooks",
      dir: join(rootDir, "apps/runbooks"),
      relativeDir: "apps/runbooks",
      contractPath: "apps/runbooks/mcp-contract.json",
    };
    const generated = await buildCatalog({ rootDir, apps: [app] });
    expect(generated.servers[0]?.template).toBe("0123456789ab");
    expect(catalogMarkdown(generated)).toContain("| template | `0123456789ab` (`pnpm gen upgrade runbooks` brings it to the kit's current one) |");
    await writeFile(record, JSON.stringify({ template: "main", answers: {} }));
    await expect(buildCatalog({ rootDir, apps: [app] })).rejects.toThrow("apps/runbooks/mcp-template.json: template: a git tree id (40 or 64 hex digits)");
    await rm(record);
  });

  it("says which contract is missing", async () => {
    const app = { packageName: "x", dir: rootDir, relativeDir: "apps/none", contractPath: "apps/none/mcp-contract.json" };
    await expect(buildCatalog({ rootDir, apps: [app] })).rejects.toThrow("apps/none/mcp-contract.json is missing: run pnpm contract:update");
  });
});
