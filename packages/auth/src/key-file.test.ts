import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { writeKeyFileOnce } from "./key-file.js";

const built = fileURLToPath(new URL("../dist/key-file.js", import.meta.url));

/** A process that waits for the shared start time, then creates (or reads) the key and prints it. */
const contender = (path: string, startAt: number) => `
  import { randomBytes } from "node:crypto";
  import { writeKeyFileOnce } from ${JSON.stringify(built)};
  while (Date.now() < ${startAt});
  process.stdout.write(writeKeyFileOnce(${JSON.stringify(path)}, randomBytes(32)).toString("hex"));
`;

describe("writeKeyFileOnce", () => {
  it("gives processes that create the key at the same moment one whole key, and leaves nothing else behind", async () => {
    for (let round = 0; round < 3; round++) {
      const dir = mkdtempSync(join(tmpdir(), "key-file-"));
      const path = join(dir, "approval.key");
      const startAt = Date.now() + 600;
      const keys = await Promise.all(
        Array.from({ length: 8 }, () =>
          promisify(execFile)(process.execPath, ["--input-type=module", "-e", contender(path, startAt)]).then((out) => out.stdout),
        ),
      );
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir)).toEqual(["approval.key"]);
    }
  });

  it("keeps the key that is there", () => {
    const path = join(mkdtempSync(join(tmpdir(), "key-file-")), "signing-key.json");
    writeKeyFileOnce(path, "first");
    expect(writeKeyFileOnce(path, "second").toString()).toBe("first");
  });
});
