import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** What a run changed in the workspace, in the terms a rollback needs (absolute paths). */
export interface RunChanges {
  /** Paths the run created (the topmost new folder, else the file). */
  created: readonly string[];
  /** Files the run may have changed, with what they held before (`null`: they did not exist). */
  saved: readonly (readonly [string, string | null])[];
}

/** Puts the workspace back: removes what the run created, restores what it changed. */
export async function restoreChanges(changes: RunChanges): Promise<void> {
  for (const path of [...changes.created].reverse()) await rm(path, { recursive: true, force: true });
  for (const [path, text] of changes.saved) {
    if (text === null) await rm(path, { force: true });
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    }
  }
}

/**
 * A run's changes kept on disk as they happen, so that a run killed before it could roll back
 * (SIGKILL, a power cut) is put back by the next one.
 */
export class RollbackJournal {
  constructor(readonly path: string) {}

  async record(changes: RunChanges): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    // Written aside, then renamed: a journal is whole or absent, never half-written.
    await writeFile(`${this.path}.tmp`, JSON.stringify({ pid: process.pid, ...changes }));
    await rename(`${this.path}.tmp`, this.path);
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  /** Puts back what a killed run left; resolves with its process id, `undefined` when there was none. */
  async recover(): Promise<number | undefined> {
    if (!existsSync(this.path)) return undefined;
    const { pid, ...changes } = JSON.parse(await readFile(this.path, "utf8")) as RunChanges & { pid: number };
    if (isRunning(pid)) throw new Error(`another run (pid ${pid}) is under way in this checkout: wait for it, or stop it`);
    await restoreChanges(changes);
    await this.clear();
    return pid;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
