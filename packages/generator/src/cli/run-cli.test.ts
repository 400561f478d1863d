import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupRuns } from "../process-group.js";
import { testWorkspace } from "../test-support/workspace.js";
import { Interrupted } from "./interrupt.js";
import { runCli, type CliIo } from "./run-cli.js";

const fixture = testWorkspace();
fixture.write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
afterAll(() => fixture.remove());

async function gen(...argv: string[]) {
  return genWith({}, ...argv);
}

async function genWith(io: Partial<CliIo>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { cwd: join(fixture.root, "packages"), interactive: false, out: (t) => out.push(t), err: (t) => err.push(t), ...io });
  return { code, out, err };
}

/** Puts `script` first on PATH as `pnpm` for the tests of the enclosing describe; resolves to its folder. */
function fakePnpm(script: string): string {
  const bin = mkdtempSync(join(tmpdir(), "fake-pnpm-"));
  const path = process.env.PATH;
  beforeAll(() => {
    writeFileSync(join(bin, "pnpm"), `#!/bin/sh\n${script}`);
    chmodSync(join(bin, "pnpm"), 0o755);
    process.env.PATH = `${bin}${delimiter}${path}`;
  });
  afterAll(() => {
    process.env.PATH = path;
    rmSync(bin, { recursive: true, force: true });
  });
  return bin;
}

const server = ["server", "--name", "billing", "--owner", "team-billing", "--description", "Billing.", "--tool-description", "Returns one bill."];
/** The first tool's description, which a run without a terminal must be given. */
const first = ["--tool-description", "Returns one item."];

beforeAll(async () => {
  expect((await gen(...server, "--no-install")).code).toBe(0);
  fixture.commit();
});

describe("bad answers: one line, nothing written", () => {
  it.each([
    [["server", "--name", "Billing", "--owner", "team-billing", "--description", "B.", ...first], 'server name "Billing" must be kebab-case'],
    [[...server], "apps/billing already exists"],
    [["server", "--name", "cli", "--owner", "team-billing", "--description", "B.", ...first], 'server name "cli" is reserved for the kit'],
    [["server", "--name", "ledger", "--owner", "billing", "--description", "B.", ...first], 'owner "billing" must have the form team-<kebab-case>'],
    [
      ["server", "--name", "ledger", "--owner", "team-x", "--description", "B.", "--access", "admin", ...first],
      'access must be read, write or destructive (got "admin")',
    ],
    [["server", "--name", "ledger", "--owner", "team-x", "--description", "B.", "--tool-description", "two\nlines"], "tool description must be one line"],
    [["tool", "--server", "nope", "--name", "get_x", "--access", "read", "--description", "D."], 'no server "nope" in apps/ (servers: billing)'],
    [["tool", "--server", "billing", "--name", "get-x", "--access", "read", "--description", "D."], 'tool name "get-x" must be snake_case'],
    [["tool", "--server", "billing", "--name", "get_x", "--access", "root", "--description", "D."], 'access must be read, write or destructive (got "root")'],
    [["tool", "--server", "billing", "--name", "get_billing", "--access", "read", "--description", "D."], "billing already has a tool get_billing"],
    [["tool", "--server", "billing", "--name", "get_x", "--access", "read", "--description", " "], "description is empty"],
  ])("%j", async (argv, message) => {
    const { code, out, err } = await gen(...argv, "--no-install");
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).not.toContain("\n");
    expect(fixture.status()).toBe("");
  });

  it("a command line it cannot read: usage error, exit 2", async () => {
    expect(await gen("component")).toMatchObject({ code: 2, err: ['✖ no generator "component" (generators: server, tool)'] });
    expect(await gen("server", "--nme", "x")).toMatchObject({ code: 2, err: [expect.stringContaining("unknown option --nme")] });
    expect(await gen("server", "--name", "x")).toMatchObject({ code: 2, err: ["✖ --owner is required (there is no terminal to ask)"] });
    expect(fixture.status()).toBe("");
  });

  it("no placeholder description without a terminal: the first tool's, and a new tool's, must be given", async () => {
    expect(await gen("server", "--name", "ledger", "--owner", "team-ledger", "--description", "Ledger.")).toMatchObject({
      code: 2,
      out: [],
      err: ["✖ --tool-description is required (there is no terminal to ask)"],
    });
    expect(await gen("tool", "--server", "billing", "--name", "get_x", "--access", "read")).toMatchObject({
      code: 2,
      out: [],
      err: ["✖ --description is required (there is no terminal to ask)"],
    });
    expect(fixture.status()).toBe("");
  });
});

describe("a failure after the files are in place", () => {
  // A pnpm whose install changes the lockfile and whose contract update fails.
  fakePnpm('if [ "$1" = install ]; then echo "changed: true" >> pnpm-lock.yaml; exit 0; fi\necho "contract: the build failed" >&2\nexit 3\n');

  it("undoes the whole run: server, changeset and lockfile", async () => {
    const { code, out, err } = await gen("server", "--name", "ledger", "--owner", "team-ledger", "--description", "Ledger.", ...first);
    expect(code).toBe(1);
    expect(out).toContainEqual("✔ install pnpm-lock.yaml");
    expect(err.join("\n")).toMatch(/^✖ pnpm contract:update failed \(3\):\ncontract: the build failed$/);
    expect(fixture.status()).toBe("");
    expect(existsSync(join(fixture.root, "apps/ledger"))).toBe(false);
  });

  it("undoes a tool: its files and the server's registration", async () => {
    const { code } = await gen("tool", "--server", "billing", "--name", "list_invoices", "--access", "read", "--description", "Lists invoices.");
    expect(code).toBe(1);
    expect(fixture.status()).toBe("");
  });
});

describe("an interrupt while a command runs", () => {
  // A pnpm whose install changes the lockfile, says which process group it is, then waits on a process of its own.
  const bin = fakePnpm(
    'echo "changed: true" >> pnpm-lock.yaml\necho $$ > "$(dirname "$0")/group.tmp"\nmv "$(dirname "$0")/group.tmp" "$(dirname "$0")/group"\nsleep 30 & wait\n',
  );

  it("stops the command and what it started, undoes the whole run and exits 130 with one line", async () => {
    let interrupt: ((reason: Interrupted) => void) | undefined;
    const onInterrupt = (listener: (reason: Interrupted) => void) => {
      interrupt = listener;
      return () => (interrupt = undefined);
    };
    const run = genWith({ onInterrupt }, "server", "--name", "ledger", "--owner", "team-ledger", "--description", "Ledger.", ...first);
    while (!existsSync(join(bin, "group"))) await setTimeout(20);
    const group = Number(readFileSync(join(bin, "group"), "utf8"));
    expect(groupRuns(group)).toBe(true);
    interrupt?.(new Interrupted("SIGINT"));
    const { code, err } = await run;
    expect(code).toBe(130);
    expect(err).toEqual(["✖ interrupted by SIGINT: rolled back, nothing this run wrote is left"]);
    expect(groupRuns(group)).toBe(false);
    expect(fixture.status()).toBe("");
    expect(interrupt, "still listening after the run").toBeUndefined();
  });
});
