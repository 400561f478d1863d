import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, loadPolicy, POLICY_FILE } from "./policy-config.js";

describe("loadPolicy", () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), "policy-"))));
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const write = (config: object) => writeFile(join(dir, POLICY_FILE), JSON.stringify(config));

  it("defaults to a 90-day window, every rule an error but unbounded inputs (a warning), and no security reviewers", async () => {
    const policy = await loadPolicy(dir);
    expect(policy.deprecation).toEqual({ minimumWindowDays: 90, minimumMinorReleases: 1, replacementRequired: true });
    expect(policy.policy).toEqual({
      maximumWaiverDays: 180,
      rules: {
        "tools.plan": "error",
        "tools.undo": "error",
        "inputs.unbounded": "warn",
        "owner.pattern": "error",
        "owner.codeowners": "error",
        "contract.security-review": "error",
        "deprecation.timeline": "error",
      },
    });
    expect(policy.generator.ownerPattern).toBe("^team-[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    expect(DEFAULT_POLICY).toEqual(policy);
  });

  it("reads the root config file, filling in what it leaves out", async () => {
    await write({ deprecation: { minimumWindowDays: 180 }, policy: { securityReviewers: "team-security", rules: { "tools.undo": "warn" } } });
    const policy = await loadPolicy(dir);
    expect(policy.deprecation).toEqual({ minimumWindowDays: 180, minimumMinorReleases: 1, replacementRequired: true });
    expect(policy.policy.securityReviewers).toBe("team-security");
    expect(policy.policy.rules).toMatchObject({ "tools.undo": "warn", "tools.plan": "error" });
  });

  it("names the file and the field when a value is wrong", async () => {
    await write({ deprecation: { minimumWindowDays: "ninety" } });
    await expect(loadPolicy(dir)).rejects.toThrow(/mcp-platform\.config\.json: .*deprecation\.minimumWindowDays/s);
    await write({ policy: { rules: { "inputs.unbounded": "fail" } } });
    await expect(loadPolicy(dir)).rejects.toThrow(/"error".*"warn".*"off".*policy\.rules\["inputs\.unbounded"\]/s);
    await write({ generator: { ownerPattern: "team-(" } });
    await expect(loadPolicy(dir)).rejects.toThrow(/must be a regular expression.*generator\.ownerPattern/s);
  });

  it("refuses a rule it does not know, and says where the old inputs.unbounded setting went", async () => {
    await write({ policy: { rules: { "tools.plans": "warn" } } });
    await expect(loadPolicy(dir)).rejects.toThrow(/tools\.plans/);
    await write({ inputs: { unbounded: "fail" } });
    await expect(loadPolicy(dir)).rejects.toThrow(/moved to policy\.rules\["inputs\.unbounded"\]/);
  });
});
