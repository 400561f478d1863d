import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadGenerators } from "./generate.js";
import { templateVersion } from "./upgrade/template-version.js";
import { testWorkspace } from "./test-support/workspace.js";

const fixture = testWorkspace();
const plop = await loadGenerators(fixture.root);
const read = (path: string) => readFileSync(join(fixture.root, path), "utf8");
afterAll(() => fixture.remove());

const billing = {
  name: "billing",
  owner: "team-billing",
  description: 'Invoices and "payments" for finance.',
  transport: "stdio",
  access: "read",
  tool: "get_invoice",
  "tool-description": "Returns one invoice by its id.",
  install: false,
};

describe("the server generator", () => {
  it("writes the server and its changeset, adds it to the fleet package, and nothing else", async () => {
    const { failures } = await plop.getGenerator("server").runActions(billing);
    expect(failures).toEqual([]);
    expect(fixture.status().split("\n").filter(Boolean).sort()).toEqual([
      " M packages/fleet/package.json",
      ...[
        ".changeset/add-server-billing.md",
        "apps/billing/CHANGELOG.md",
        "apps/billing/README.md",
        "apps/billing/deploy/Dockerfile",
        "apps/billing/deploy/Dockerfile.dockerignore",
        "apps/billing/deploy/README.md",
        "apps/billing/deploy/grafana/dashboard.json",
        "apps/billing/deploy/kubernetes/deployment.yaml",
        "apps/billing/deploy/kubernetes/hpa.yaml",
        "apps/billing/deploy/kubernetes/kustomization.yaml",
        "apps/billing/deploy/kubernetes/pdb.yaml",
        "apps/billing/deploy/kubernetes/service.yaml",
        "apps/billing/deploy/otel-collector/collector.yaml",
        "apps/billing/deploy/otel-collector/config.yaml",
        "apps/billing/deploy/otel-collector/kustomization.yaml",
        "apps/billing/deploy/prometheus/alerts.yaml",
        "apps/billing/eslint.config.js",
        "apps/billing/mcp-template.json",
        "apps/billing/package.json",
        "apps/billing/src/index.ts",
        "apps/billing/src/server.ts",
        "apps/billing/src/tools/get-invoice.test.ts",
        "apps/billing/src/tools/get-invoice.ts",
        "apps/billing/tsconfig.build.json",
        "apps/billing/tsconfig.json",
        "apps/billing/vitest.config.ts",
      ].map((path) => `?? ${path}`),
    ]);
    expect(JSON.parse(read("packages/fleet/package.json"))).toEqual({
      name: "@mcp-platform/fleet",
      private: true,
      devDependencies: { "@mcp-platform/billing": "workspace:*" },
    });
    expect(JSON.parse(read("apps/billing/package.json"))).toMatchObject({
      name: "@mcp-platform/billing",
      version: "0.1.0",
      description: billing.description,
      scripts: expect.objectContaining({ start: "node dist/index.js" }) as unknown,
    });
    const { install: _install, ...answers } = billing;
    expect(JSON.parse(read("apps/billing/mcp-template.json"))).toEqual({ template: await templateVersion(), answers });
    expect(read(".changeset/add-server-billing.md")).toBe(
      '---\n"@mcp-platform/billing": minor\n---\n\nNew server `billing` (owner team-billing): Invoices and "payments" for finance.\n',
    );
    fixture.commit();
  });

  it("fills the server definition and the first tool from the answers", () => {
    const server = read("apps/billing/src/server.ts");
    expect(server).toContain('import { getInvoice } from "./tools/get-invoice.js";');
    expect(server).toContain('owner: "team-billing",');
    expect(server).toContain('description: "Invoices and \\"payments\\" for finance.",');
    expect(server).toContain("tools: [\n      getInvoice,\n    ],");
    expect(server).toContain("export default createBillingServer();");
    expect(read("apps/billing/src/server.ts")).not.toContain("transport:");
    const tool = read("apps/billing/src/tools/get-invoice.ts");
    expect(tool).toContain('description: "Returns one invoice by its id.",');
    expect(tool).toContain('access: "read",');
    expect(tool).toContain("process.env.BILLING_API_URL");
    expect(tool).not.toContain("plan:");
    expect(tool).not.toContain("recordUndo");
    const test = read("apps/billing/src/tools/get-invoice.test.ts");
    expect(test).toContain('const API_URL = "BILLING_API_URL";');
    expect(test).not.toContain("approvals:");
    expect(read("apps/billing/README.md")).toContain("`team-billing`");
  });

  it("defaults an HTTP server to HTTP, and tests a write tool through the approval", async () => {
    const answers = { ...billing, name: "ledger", transport: "http", access: "write", tool: "post_entry" };
    expect((await plop.getGenerator("server").runActions(answers)).failures).toEqual([]);
    expect(read("apps/ledger/src/server.ts")).toContain('transport: "http",');
    const tool = read("apps/ledger/src/tools/post-entry.ts");
    expect(tool).toContain("process.env.LEDGER_API_URL");
    for (const part of ["plan: async", "await ctx.recordUndo(", "undo: async ({ undoData }"]) expect(tool).toContain(part);
    const test = read("apps/ledger/src/tools/post-entry.test.ts");
    expect(test).toContain('createTestClient(server, { approvals: "approve" })');
    expect(test).toContain('"undo_action"');
    fixture.commit();
  });

  it("refuses, writing nothing, in a fork that removed the fleet package", async () => {
    const fleet = read("packages/fleet/package.json");
    rmSync(join(fixture.root, "packages/fleet/package.json"));
    try {
      const { failures } = await plop.getGenerator("server").runActions({ ...billing, name: "payroll", tool: "get_payslip" });
      expect(failures.map((failure) => failure.error)).toContain(
        "packages/fleet/package.json is missing: it lists every server as a devDependency, so turbo builds them before the contract and catalog checks (restore it from the kit)",
      );
      expect(fixture.status()).toBe(" D packages/fleet/package.json\n");
    } finally {
      fixture.write("packages/fleet/package.json", fleet);
    }
  });

  it("checks answers given as bypass values like typed ones", async () => {
    const generator = plop.getGenerator("server");
    await expect(generator.runPrompts(["Bad Name"])).rejects.toThrow('server name "Bad Name" must be kebab-case');
    await expect(generator.runPrompts(["payments", "team-payments", "Payments.", "stdio", "admin"])).rejects.toThrow(
      'access must be read, write or destructive (got "admin")',
    );
    await expect(generator.runPrompts(["payments", "team-payments", "Payments.", "http", "write", "pay", " "])).rejects.toThrow("tool description is empty");
    const answers: unknown = await generator.runPrompts(["payments", "team-payments", "Payments.", "http", "write", "pay", "Pays."]);
    expect(answers).toEqual({
      name: "payments",
      owner: "team-payments",
      description: "Payments.",
      transport: "http",
      access: "write",
      tool: "pay",
      "tool-description": "Pays.",
    });
  });
});

describe("the tool generator", () => {
  it("adds the tool and its test, registers it in the server and adds a minor changeset", async () => {
    const answers = { server: "billing", name: "void_invoice", access: "destructive", description: "Voids an invoice.", install: false };
    expect((await plop.getGenerator("tool").runActions(answers)).failures).toEqual([]);
    expect(fixture.status().split("\n").filter(Boolean).sort()).toEqual([
      " M apps/billing/src/server.ts",
      "?? .changeset/add-tool-billing-void-invoice.md",
      "?? apps/billing/src/tools/void-invoice.test.ts",
      "?? apps/billing/src/tools/void-invoice.ts",
    ]);
    const server = read("apps/billing/src/server.ts");
    expect(server).toContain('import { getInvoice } from "./tools/get-invoice.js";\nimport { voidInvoice } from "./tools/void-invoice.js";\n');
    expect(server).toContain("tools: [\n      getInvoice,\n      voidInvoice,\n    ],");
    const tool = read("apps/billing/src/tools/void-invoice.ts");
    expect(tool).toContain('description: "Voids an invoice.",');
    expect(tool).toContain("process.env.BILLING_API_URL");
    expect(read(".changeset/add-tool-billing-void-invoice.md")).toContain('"@mcp-platform/billing": minor');
    fixture.commit();
  });

  it("will not add the same tool twice", async () => {
    const generator = plop.getGenerator("tool");
    await expect(generator.runPrompts(["billing", "void_invoice"])).rejects.toThrow("billing already has a tool void_invoice");
  });
});
