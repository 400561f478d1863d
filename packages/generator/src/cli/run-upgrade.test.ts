import { afterAll, describe, expect, it } from "vitest";
import { testWorkspace } from "../test-support/workspace.js";
import { runCli } from "./run-cli.js";

const fixture = testWorkspace();
fixture.write("apps/billing/src/server.ts", "");
fixture.write("apps/billing/package.json", '{ "name": "@acme/billing" }');
fixture.commit();
afterAll(() => fixture.remove());

async function upgrade(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["upgrade", ...argv], { cwd: fixture.root, interactive: false, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("pnpm gen upgrade, asked wrongly", () => {
  it("says what to type, with exit code 2, and writes nothing", async () => {
    expect(await upgrade()).toEqual({ code: 2, out: "", err: "✖ name a server (pnpm gen upgrade <server>) or pass --all" });
    expect(await upgrade("invoices")).toEqual({ code: 2, out: "", err: "✖ no server apps/invoices (servers: billing)" });
    expect(await upgrade("billing", "--all")).toEqual({ code: 2, out: "", err: "✖ name servers or pass --all, not both" });
    expect(await upgrade("--dryrun")).toEqual({ code: 2, out: "", err: "✖ unknown option --dryrun (options: --all, --dry-run, --no-install, --help)" });
    expect(fixture.status()).toBe("");
  });

  it("names the missing record of a server pnpm gen server did not make", async () => {
    expect(await upgrade("billing", "--dry-run")).toEqual({
      code: 1,
      out: "",
      err: "✖ apps/billing/mcp-template.json is missing: only servers made by pnpm gen server (which writes it) can be upgraded",
    });
  });

  it("has nothing to do for --all when no server has a record", async () => {
    expect(await upgrade("--all")).toEqual({ code: 0, out: "", err: "" });
  });

  it("prints its usage with --help", async () => {
    const help = await upgrade("--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: pnpm gen upgrade <server>\.\.\. \| --all \[--dry-run\] \[--no-install\]/);
  });
});
