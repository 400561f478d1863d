import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The commit `ref` names, or `undefined` when it names none (no such branch or tag). */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
  } catch {
    return undefined;
  }
}

/** A file's text at `ref`, or `undefined` when the file does not exist there. */
export async function fileAt(cwd: string, ref: string, path: string): Promise<string | undefined> {
  try {
    await git(cwd, ["cat-file", "-e", `${ref}:${path}`]);
  } catch {
    return undefined;
  }
  return git(cwd, ["show", `${ref}:${path}`]);
}
