import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatContract, type Contract, type ToolContract } from "@mcp-platform/contract";
import { afterAll, describe, expect, it } from "vitest";
import type { ServerUpgrade } from "./plan-upgrade.js";
import { upgradeChangeset } from "./upgrade-changeset.js";

const root = await mkdtemp(join(tmpdir(), "upgrade-changeset-"));
afterAll(() => rm(root, { recursive: true, force: true }));

const getItem: ToolContract = {
  name: "get_item",
  description: "Returns one item.",
  access: "read",
  annotations: { destructiveHint: false, idempotentHint: true, openWorldHint: false, readOnlyHint: true },
  inputSchema: { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] },
};
const server = (tools: ToolContract[]): Contract => ({
  name: "billing",
  version: "1.0.0",
  owner: "team-billing",
  description: "Billing.",
  transport: "stdio",
  tools,
});
const upgrade: ServerUpgrade = {
  server: "billing",
  app: "apps/billing",
  record: { template: "a".repeat(40), answers: {} },
  to: "b".repeat(40),
  changes: [
    { path: "README.md", kind: "merge", text: "" },
    { path: "deploy/a.json", kind: "add", text: "" },
    { path: "deploy/b.json", kind: "add", text: "" },
    { path: "old.yaml", kind: "keep", note: "" },
  ],
};

describe("upgradeChangeset", () => {
  it("is a patch naming both templates and what changed, when the contract is the same", async () => {
    await mkdir(join(root, "apps/billing"), { recursive: true });
    await writeFile(join(root, "apps/billing/package.json"), '{ "name": "@acme/billing" }');
    await writeFile(join(root, "apps/billing/mcp-contract.json"), formatContract(server([getItem])));
    expect(await upgradeChangeset(root, upgrade, formatContract(server([getItem])))).toEqual({
      file: ".changeset/upgrade-billing-bbbbbbbbbbbb.md",
      text:
        '---\n"@acme/billing": patch\n---\n\nBrought up to the kit\'s server template `bbbbbbbbbbbb` (from `aaaaaaaaaaaa`) with `pnpm gen upgrade`: ' +
        "1 file merged, 2 files added.\n",
    });
  });

  it("is what the contract diff asks for when the template changed a tool", async () => {
    const required = {
      ...getItem,
      inputSchema: { ...getItem.inputSchema, properties: { id: { type: "string" }, tenant: { type: "string" } }, required: ["id", "tenant"] },
    };
    await writeFile(join(root, "apps/billing/mcp-contract.json"), formatContract(server([required])));
    expect((await upgradeChangeset(root, upgrade, formatContract(server([getItem])))).text).toContain('"@acme/billing": major');
    await writeFile(join(root, "apps/billing/mcp-contract.json"), formatContract(server([getItem, { ...getItem, name: "list_items" }])));
    expect((await upgradeChangeset(root, upgrade, formatContract(server([getItem])))).text).toContain('"@acme/billing": minor');
  });
});
