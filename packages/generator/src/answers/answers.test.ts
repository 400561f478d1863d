import { afterAll, describe, expect, it } from "vitest";
import { testWorkspace } from "../test-support/workspace.js";
import { openWorkspace } from "../workspace.js";
import { problemOf } from "./fields.js";
import { parseServerAnswers, serverFields } from "./server-answers.js";
import { parseToolAnswers, toolFields } from "./tool-answers.js";

const fixture = testWorkspace();
fixture.write("apps/billing/src/server.ts", "export default {};\n");
fixture.write("apps/billing/package.json", '{ "name": "@acme/billing" }\n');
fixture.write("apps/billing/mcp-contract.json", '{ "tools": [{ "name": "get_invoice" }] }\n');
fixture.write("apps/billing/src/tools/refund-payment.ts", "");
fixture.write("apps/notes/README.md", "not a server\n");
const workspace = await openWorkspace(fixture.root);
afterAll(() => fixture.remove());

const server = {
  name: "payments",
  owner: "team-payments",
  description: "Payments.",
  transport: "stdio",
  access: "read",
  tool: "get_payment",
  "tool-description": "Returns one payment by its id.",
};

describe("server answers", () => {
  const fields = serverFields(workspace);

  it.each([
    ["Billing", 'server name "Billing" must be kebab-case: lowercase letters and digits, words joined by "-" (e.g. billing-api)'],
    ["billing_api", 'server name "billing_api" must be kebab-case: lowercase letters and digits, words joined by "-" (e.g. billing-api)'],
    ["server", 'server name "server" is reserved for the kit'],
    ["testing", 'server name "testing" is reserved for the kit'],
    ["billing", "apps/billing already exists"],
    ["notes", "apps/notes already exists"],
    ["a".repeat(41), "server name is longer than 40 characters"],
  ])("refuses the name %s", (name, message) => expect(problemOf(fields.name, name)).toBe(message));

  it("takes an owner only in the configured form", () => {
    expect(problemOf(fields.owner, "team-payments")).toBeUndefined();
    expect(problemOf(fields.owner, "payments")).toBe('owner "payments" must have the form team-<kebab-case>, e.g. team-billing');
  });

  it("names the allowed values of a choice", () => {
    expect(problemOf(fields.access, "admin")).toBe('access must be read, write or destructive (got "admin")');
    expect(problemOf(fields.transport, undefined)).toBe("transport is missing (stdio, http)");
  });

  it("wants a one-line description", () => {
    expect(problemOf(fields.description, " ")).toBe("description is empty");
    expect(problemOf(fields.description, "two\nlines")).toBe("description must be one line");
  });

  it("parses a whole set of answers, installing unless told not to", () => {
    expect(parseServerAnswers(workspace, server)).toEqual({ ...server, install: true });
    expect(() => parseServerAnswers(workspace, { ...server, tool: "GetPayment" })).toThrow(/^tool name "GetPayment" must be snake_case/);
    expect(() => parseServerAnswers(workspace, { ...server, "tool-description": undefined })).toThrow("tool description is missing");
  });
});

describe("tool answers", () => {
  const fields = toolFields(workspace);
  const tool = { server: "billing", name: "list_invoices", access: "read", description: "Lists invoices." };

  it("wants a server that exists in apps/", () => {
    expect(problemOf(fields.server, "billing")).toBeUndefined();
    expect(problemOf(fields.server, "notes")).toBe('no server "notes" in apps/ (servers: billing)');
  });

  it("wants a description: there is no placeholder", () => {
    expect(() => parseToolAnswers(workspace, { ...tool, description: undefined })).toThrow("description is missing");
  });

  it("refuses a tool the server has, in its contract or as a file", () => {
    expect(parseToolAnswers(workspace, tool)).toEqual({ ...tool, install: true });
    expect(() => parseToolAnswers(workspace, { ...tool, name: "get_invoice" })).toThrow("billing already has a tool get_invoice");
    expect(() => parseToolAnswers(workspace, { ...tool, name: "refund_payment" })).toThrow("billing already has a tool refund_payment");
  });
});

describe("the generator section of mcp-platform.config.json", () => {
  it("sets the owner form", async () => {
    const configured = testWorkspace();
    configured.write("mcp-platform.config.json", JSON.stringify({ deprecation: {}, generator: { ownerPattern: "^squad-[a-z]+$", ownerForm: "squad-<name>" } }));
    const owner = serverFields(await openWorkspace(configured.root)).owner;
    expect(problemOf(owner, "squad-payments")).toBeUndefined();
    expect(problemOf(owner, "team-payments")).toBe('owner "team-payments" must have the form squad-<name>');
    configured.remove();
  });

  it("says which setting is wrong", async () => {
    const broken = testWorkspace();
    broken.write("mcp-platform.config.json", JSON.stringify({ generator: { ownerPattern: "(" } }));
    await expect(openWorkspace(broken.root)).rejects.toThrow("mcp-platform.config.json: ✖ must be a regular expression\n  → at generator.ownerPattern");
    broken.remove();
  });
});
