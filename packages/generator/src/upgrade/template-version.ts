import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { KIT_ROOT } from "../templates.js";

const run = promisify(execFile);

/**
 * The version of the kit's `templates/` as they are on disk: their git tree id. It is a content
 * hash, and it also finds those exact files again later (`extractTemplates`), committed or not:
 * computing it writes the tree into the repository's object store, through an index of its own so
 * the user's staging area is left alone.
 */
export async function templateVersion(kitRoot: string = KIT_ROOT): Promise<string> {
  const index = join(tmpdir(), `mcp-platform-templates-${randomUUID()}.index`);
  const env = { ...process.env, GIT_INDEX_FILE: index };
  try {
    await run("git", ["add", "--", "templates"], { cwd: kitRoot, env });
    return (await run("git", ["write-tree", "--prefix=templates/"], { cwd: kitRoot, env })).stdout.trim();
  } catch (error) {
    throw new Error(`cannot read the version of ${join(kitRoot, "templates")}: the generator needs the kit in a git repository (${firstLine(error)})`, {
      cause: error,
    });
  } finally {
    await rm(index, { force: true });
  }
}

/** Writes the templates of version `tree` into `destination`, from the repository's object store. */
export async function extractTemplates(tree: string, destination: string, kitRoot: string = KIT_ROOT): Promise<void> {
  const archive = `${destination}.tar`;
  try {
    await run("git", ["archive", "--format=tar", "-o", archive, tree], { cwd: kitRoot });
  } catch (error) {
    throw new Error(
      `template ${tree.slice(0, 12)} is not in this repository's git objects (${firstLine(error)}): ` +
        "fetch the kit's history (git fetch --unshallow) or restore the commit the server was generated at",
      { cause: error },
    );
  }
  await mkdir(destination, { recursive: true });
  await run("tar", ["-xf", archive, "-C", destination]);
  await rm(archive, { force: true });
}

function firstLine(error: unknown): string {
  const { stderr, message } = error as { stderr?: string; message?: string };
  return (stderr || message || String(error)).trim().split("\n")[0] ?? "";
}
