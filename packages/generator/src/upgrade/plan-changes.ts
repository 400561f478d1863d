import { mergeFile } from "./merge-file.js";

/**
 * What an upgrade does to one file of a server:
 * - `add`: new in the template; `remove`: gone from it, and the team never changed it;
 * - `update`: changed in the template, never by the team: it becomes the template's;
 * - `merge`: changed by both, in different places; `conflict`: in the same place (markers left);
 * - `keep`: the template dropped or changed a file the team changed or deleted: theirs stays.
 */
export type ChangeKind = "add" | "update" | "merge" | "conflict" | "remove" | "keep";

export interface FileChange {
  /** Inside the server, e.g. `src/tools/get-item.ts`. */
  path: string;
  kind: ChangeKind;
  /** The file's new text; absent for `remove` and `keep`. */
  text?: string;
  /** Why, for `keep`. */
  note?: string;
}

export interface TemplateRenders {
  /** The server as the recorded template renders it: the base of the merge. */
  base: ReadonlyMap<string, string>;
  /** The server as the current template renders it. */
  next: ReadonlyMap<string, string>;
  /** The labels conflict markers carry for the base and the new template. */
  labels: { base: string; next: string };
}

/** The changes that bring `ours` (the server's files now, `undefined` when missing) to the current template. */
export async function planChanges(renders: TemplateRenders, ours: (path: string) => string | undefined): Promise<FileChange[]> {
  const { base, next, labels } = renders;
  const changes: FileChange[] = [];
  for (const path of [...new Set([...base.keys(), ...next.keys()])].sort()) {
    const [was, will, mine] = [base.get(path), next.get(path), ours(path)];
    if (was === will || mine === will) continue;
    if (will === undefined) {
      if (mine === undefined) continue;
      changes.push(mine === was ? { path, kind: "remove" } : { path, kind: "keep", note: "the template no longer has it; yours is changed, so it stays" });
    } else if (mine === undefined) {
      changes.push(was === undefined ? { path, kind: "add", text: will } : { path, kind: "keep", note: "you removed it; the template changed it" });
    } else if (mine === was) {
      changes.push({ path, kind: "update", text: will });
    } else {
      const merged = await mergeFile(mine, was ?? "", will, ["yours", labels.base, labels.next]);
      if (merged.text === mine) continue;
      changes.push({ path, kind: merged.conflicts > 0 ? "conflict" : "merge", text: merged.text });
    }
  }
  return changes;
}
