import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonlFile } from "./jsonl-file.js";

describe("JsonlFile", () => {
  it("rotates to <path>.1 past the size cap, so the files never exceed twice the cap", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "jsonl-")), "spans.jsonl");
    const file = new JsonlFile(path, 1000);
    for (let i = 0; i < 50; i++) await file.append([{ i, padding: "x".repeat(80) }]);
    expect((await stat(path)).size).toBeLessThanOrEqual(1000);
    expect((await stat(`${path}.1`)).size).toBeLessThanOrEqual(1000);
    const lastLine = (await readFile(path, "utf8")).trim().split("\n").at(-1)!;
    expect(JSON.parse(lastLine)).toMatchObject({ i: 49 });
  });
});
