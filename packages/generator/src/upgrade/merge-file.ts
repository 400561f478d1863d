import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Merged {
  text: string;
  /** How many conflicting regions are left in `text`, each between standard conflict markers. */
  conflicts: number;
}

/**
 * The three-way merge of one file (`git merge-file`): what changed from `base` to `theirs` applied
 * to `ours`. A region both changed differently is kept with conflict markers labelled `labels`.
 */
export async function mergeFile(ours: string, base: string, theirs: string, labels: [string, string, string]): Promise<Merged> {
  const dir = await mkdtemp(join(tmpdir(), "mcp-platform-merge-"));
  try {
    const paths = ["ours", "base", "theirs"].map((name) => join(dir, name));
    await Promise.all([ours, base, theirs].map((text, i) => writeFile(paths[i]!, text)));
    const args = ["merge-file", "-p", "--diff3", ...labels.flatMap((label) => ["-L", label]), ...paths];
    return await new Promise<Merged>((resolve, reject) => {
      execFile("git", args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        // The exit code is the number of conflicts; a negative one (255 here) is git failing.
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        if (code < 0 || code >= 128) reject(new Error(`git merge-file failed: ${stderr.trim() || error?.message}`));
        else resolve({ text: stdout, conflicts: code });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
