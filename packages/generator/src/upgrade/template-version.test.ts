import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testWorkspace } from "../test-support/workspace.js";
import { extractTemplates, templateVersion } from "./template-version.js";

const kit = testWorkspace();
const git = (...args: string[]) => execFileSync("git", args, { cwd: kit.root, encoding: "utf8" }).trim();
const scratch = await mkdtemp(join(tmpdir(), "template-version-"));
afterAll(async () => {
  kit.remove();
  await rm(scratch, { recursive: true, force: true });
});

describe("templateVersion", () => {
  it("is the git tree of templates/, committed or not, and finds those files again", async () => {
    kit.write("templates/server/README.md.hbs", "# {{name}}\n");
    kit.commit();
    expect(await templateVersion(kit.root)).toBe(git("rev-parse", "HEAD:templates"));

    kit.write("templates/server/README.md.hbs", "# {{name}}, edited\n");
    const edited = await templateVersion(kit.root);
    expect(edited).not.toBe(git("rev-parse", "HEAD:templates"));
    // The user's staging area is left as it was: the edit is not staged by computing the version.
    expect(git("diff", "--cached", "--name-only")).toBe("");

    await extractTemplates(edited, join(scratch, "edited"), kit.root);
    expect(readFileSync(join(scratch, "edited/server/README.md.hbs"), "utf8")).toBe("# {{name}}, edited\n");
  });

  it("says how to get a template back that the repository does not have", async () => {
    await expect(extractTemplates("0123456789abcdef0123456789abcdef01234567", join(scratch, "missing"), kit.root)).rejects.toThrow(
      "template 0123456789ab is not in this repository's git objects",
    );
  });

  it("names the folder when the kit is not in a git repository", async () => {
    await expect(templateVersion(scratch)).rejects.toThrow(
      `cannot read the version of ${join(scratch, "templates")}: the generator needs the kit in a git repository`,
    );
  });
});
