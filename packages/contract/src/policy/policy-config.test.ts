import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, loadPolicy, POLICY_FILE } from "./policy-config.js";

describe("loadPolicy", () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), "policy-"))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("defaults to a 90-day window, one minor release, a required replacement and warnings for unbounded inputs", async () => {
    expect(await loadPolicy(dir)).toEqual({
      deprecation: { minimumWindowDays: 90, minimumMinorReleases: 1, replacementRequired: true },
      inputs: { unbounded: "warn" },
    });
    expect(DEFAULT_POLICY).toEqual(await loadPolicy(dir));
  });

  it("reads the root config file, filling in what it leaves out", async () => {
    await writeFile(join(dir, POLICY_FILE), JSON.stringify({ deprecation: { minimumWindowDays: 180 } }));
    expect((await loadPolicy(dir)).deprecation).toEqual({ minimumWindowDays: 180, minimumMinorReleases: 1, replacementRequired: true });
  });

  it("names the file and the field when a value is wrong", async () => {
    await writeFile(join(dir, POLICY_FILE), JSON.stringify({ deprecation: { minimumWindowDays: "ninety" } }));
    await expect(loadPolicy(dir)).rejects.toThrow(/mcp-platform\.config\.json: .*deprecation\.minimumWindowDays/s);
  });

  it("reads how unbounded inputs are treated, and names the key and its choices when the value is wrong", async () => {
    await writeFile(join(dir, POLICY_FILE), JSON.stringify({ inputs: { unbounded: "fail" } }));
    expect((await loadPolicy(dir)).inputs).toEqual({ unbounded: "fail" });
    await writeFile(join(dir, POLICY_FILE), JSON.stringify({ inputs: { unbounded: "error" } }));
    await expect(loadPolicy(dir)).rejects.toThrow(/mcp-platform\.config\.json: .*"warn".*"fail".*"off".*inputs\.unbounded/s);
  });
});
