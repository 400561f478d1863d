import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scaffoldServer } from "./scaffold.js";
import { KIT_ROOT, TEMPLATES_DIR } from "./templates.js";
import { testWorkspace } from "./test-support/workspace.js";

/** The kit's own servers are what the template produces plus their own tools: their shared files must match it. */
const APPS = ["runbooks", "inventory"].filter((name) => existsSync(join(KIT_ROOT, "apps", name, "package.json")));
const DEPLOY_FILES = readdirSync(join(TEMPLATES_DIR, "server", "deploy"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(join(TEMPLATES_DIR, "server"), join(entry.parentPath, entry.name)).replace(/\.hbs$/, ""));
const SAME_FILES = ["tsconfig.json", "tsconfig.build.json", "eslint.config.js", "vitest.config.ts", "src/index.ts", ...DEPLOY_FILES];

interface PackageJson {
  [key: string]: unknown;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The generated first tool calls an upstream API at `<NAME>_API_URL`; the kit's own servers call none. */
function withoutUpstream(text: string): string {
  return text.replace(/^ +# The upstream API its tools call.*\n +- name: \w+_API_URL\n +value: .*\n/m, "");
}

const fixture = testWorkspace();
afterAll(() => fixture.remove());

describe.each(APPS)("apps/%s and templates/server", (name) => {
  const app = (path: string) => readFileSync(join(KIT_ROOT, "apps", name, path), "utf8");
  const rendered = (path: string) => readFileSync(join(fixture.root, "apps", name, path), "utf8");
  const owner = (/owner: "([^"]+)"/.exec(app("src/server.ts")) ?? [])[1] ?? "team-x";

  it("renders", async () => {
    await scaffoldServer({ root: fixture.root, name, owner, description: "d", toolDescription: "t", install: false });
  });

  it.each(SAME_FILES)("have the same %s", (path) => expect(withoutUpstream(rendered(path))).toBe(app(path)));

  it("export their definition the same way", () => {
    const lastLines = rendered("src/server.ts").trimEnd().split("\n").slice(-2).join("\n");
    expect(app("src/server.ts").trimEnd().endsWith(lastLines)).toBe(true);
  });

  it("have the same package.json but for what is the app's own", () => {
    const actual = JSON.parse(app("package.json")) as PackageJson;
    const expected = JSON.parse(rendered("package.json")) as PackageJson;
    for (const key of ["private", "license", "type", "bin", "exports", "scripts"]) {
      expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
    }
    expect(actual.files).toEqual(expect.arrayContaining(expected.files));
    // An app may depend on more than the template (inventory's PostgreSQL client), never on less.
    expect(actual.dependencies).toMatchObject(expected.dependencies);
    expect(actual.devDependencies).toMatchObject(expected.devDependencies);
  });
});
