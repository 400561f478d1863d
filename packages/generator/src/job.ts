import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { formatForWorkspace } from "./format.js";
import { restoreChanges, type RollbackJournal, type RunChanges } from "./rollback-journal.js";

/**
 * One generator run as a unit: files are rendered into a staging folder outside the workspace,
 * checked, then moved in together; when a later step fails, everything the run placed or changed
 * is put back, so a failed run leaves the checkout as it found it. An aborted `signal` (Ctrl-C) is
 * such a failure: the step under way stops its commands, and the run is undone.
 */
export class Job {
  readonly staging = join(tmpdir(), `mcp-platform-gen-${randomUUID()}`);
  /** Paths the run created in the workspace (the topmost new folder, else the file). */
  readonly #created: string[] = [];
  /** Files the run may change, with what they held before (`undefined`: they did not exist). */
  readonly #saved = new Map<string, string | undefined>();

  constructor(
    readonly root: string,
    readonly signal?: AbortSignal,
    /** Where the run's changes are kept as they happen, for a run killed before it could roll back. */
    readonly journal?: RollbackJournal,
  ) {}

  /** Where the file that will become `path` (relative to the workspace) is rendered. */
  staged(path: string): string {
    return join(this.staging, path);
  }

  /** Stages a file the run writes itself rather than from a template. */
  async write(path: string, text: string): Promise<void> {
    await mkdir(dirname(this.staged(path)), { recursive: true });
    await writeFile(this.staged(path), text);
  }

  /** Remembers a workspace file before the run replaces or rewrites it. */
  async save(path: string): Promise<void> {
    const absolute = join(this.root, path);
    if (this.#saved.has(absolute)) return;
    this.#saved.set(absolute, existsSync(absolute) ? await readFile(absolute, "utf8") : undefined);
    await this.journal?.record(this.#changes());
  }

  /**
   * Writes a workspace file at once, as it is given (an upgrade's merge, conflict markers and all);
   * a rollback puts back what it held, or removes it.
   */
  async writeInPlace(path: string, text: string): Promise<void> {
    await this.save(path);
    const target = join(this.root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }

  /** Removes a workspace file at once; a rollback puts it back. */
  async removeInPlace(path: string): Promise<void> {
    await this.save(path);
    await rm(join(this.root, path), { force: true });
  }

  /** The staged files, relative to the workspace. */
  async stagedFiles(): Promise<string[]> {
    if (!existsSync(this.staging)) return [];
    const entries = await readdir(this.staging, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(this.staging, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .sort();
  }

  /** Formats and moves every staged file into the workspace; a file that exists there must have been saved first. */
  async place(): Promise<string[]> {
    const files = await this.stagedFiles();
    const clash = files.find((file) => existsSync(join(this.root, file)) && !this.#saved.has(join(this.root, file)));
    if (clash) throw new Error(`${clash} already exists`);
    for (const file of files) await formatForWorkspace(this.root, file, this.staged(file));
    for (const file of files) {
      const target = join(this.root, file);
      if (!this.#saved.has(target)) {
        this.#created.push(topmostNew(this.root, target));
        await this.journal?.record(this.#changes());
      }
      await mkdir(dirname(target), { recursive: true });
      await move(this.staged(file), target);
    }
    await rm(this.staging, { recursive: true, force: true });
    return files;
  }

  /** Runs one step; when it fails or the run is aborted, the whole run is undone before the error goes on. */
  async step<T>(work: () => Promise<T>): Promise<T> {
    try {
      this.signal?.throwIfAborted();
      const result = await work();
      this.signal?.throwIfAborted();
      return result;
    } catch (error) {
      await this.rollback();
      this.signal?.throwIfAborted();
      throw error;
    }
  }

  async rollback(): Promise<void> {
    await restoreChanges(this.#changes());
    this.#created.length = 0;
    this.#saved.clear();
    await rm(this.staging, { recursive: true, force: true });
    await this.journal?.clear();
  }

  /** The run is done: nothing of it is to be put back any more. */
  async complete(): Promise<void> {
    await this.journal?.clear();
  }

  #changes(): RunChanges {
    return { created: [...this.#created], saved: [...this.#saved].map(([path, text]) => [path, text ?? null] as const) };
  }
}

/** The first folder on the way from `root` to `target` that does not exist yet, else `target` itself. */
function topmostNew(root: string, target: string): string {
  let path = root;
  for (const part of relative(root, target).split(sep)) {
    path = join(path, part);
    if (!existsSync(path)) return path;
  }
  return target;
}

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await cp(from, to);
    await rm(from);
  }
}
