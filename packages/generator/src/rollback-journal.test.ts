import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RollbackJournal } from "./rollback-journal.js";

const dir = await mkdtemp(join(tmpdir(), "rollback-journal-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A journal as a run that was killed left it: `pid` no longer runs. */
async function killedRunJournal(changes: object): Promise<RollbackJournal> {
  const journal = new RollbackJournal(join(dir, "journal.json"));
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  await writeFile(journal.path, JSON.stringify({ pid, ...changes }));
  return journal;
}

describe("RollbackJournal", () => {
  it("puts back what a killed run changed and removes what it created, then forgets it", async () => {
    await writeFile(join(dir, "changed.txt"), "the run's text");
    await mkdir(join(dir, "new/deep"), { recursive: true });
    await writeFile(join(dir, "new/deep/file.txt"), "created");
    const journal = await killedRunJournal({
      created: [join(dir, "new")],
      saved: [
        [join(dir, "changed.txt"), "before"],
        [join(dir, "removed.txt"), "it was here"],
        [join(dir, "created.txt"), null],
      ],
    });
    await writeFile(join(dir, "created.txt"), "created");
    expect(await journal.recover()).toEqual(expect.any(Number));
    expect(readFileSync(join(dir, "changed.txt"), "utf8")).toBe("before");
    expect(readFileSync(join(dir, "removed.txt"), "utf8")).toBe("it was here");
    expect(existsSync(join(dir, "created.txt"))).toBe(false);
    expect(existsSync(join(dir, "new"))).toBe(false);
    expect(existsSync(journal.path)).toBe(false);
    expect(await journal.recover()).toBeUndefined();
  });

  it("leaves a live run's changes alone and says so", async () => {
    const journal = new RollbackJournal(join(dir, "live.json"));
    await journal.record({ created: [], saved: [[join(dir, "changed.txt"), "older"]] });
    await expect(journal.recover()).rejects.toThrow(`another run (pid ${process.pid}) is under way in this checkout`);
    expect(await readFile(join(dir, "changed.txt"), "utf8")).toBe("before");
    await journal.clear();
  });
});
