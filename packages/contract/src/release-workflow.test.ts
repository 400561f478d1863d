import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * .github/workflows/release.yml runs only on GitHub, so what it calls is checked here: a renamed
 * script or a dropped guard would otherwise surface in a fork's first release. The flow it calls is
 * release.integration.test.ts's, against a real registry.
 */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

const workflow = parse(read(".github/workflows/release.yml")) as { on: { push: { branches: string[] } }; jobs: { release: { steps: Step[] } } };
const steps = workflow.jobs.release.steps;
const { scripts } = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
const changesets = steps.find((step) => step.uses?.startsWith("changesets/action@"));

describe(".github/workflows/release.yml", () => {
  it("calls only root scripts and files that exist", () => {
    const commands = steps.flatMap((step) => [step.run, step.with?.version, step.with?.publish]).filter((command) => command !== undefined);
    expect(commands.length).toBeGreaterThan(2);
    for (const command of commands) {
      const [program, target] = command.split(" ");
      if (program === "pnpm") expect(Object.keys(scripts), command).toContain(target);
      else expect(existsSync(join(ROOT, target!)), command).toBe(true);
    }
    for (const step of steps.filter((step) => step.with?.["node-version-file"])) expect(existsSync(join(ROOT, step.with!["node-version-file"]!))).toBe(true);
  });

  it("runs every check before it versions or publishes, on main only", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    const checks = steps.findIndex((step) => step.run === "bash .ci/run");
    expect(checks).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf(changesets!)).toBeGreaterThan(checks);
  });

  it("publishes through the registry guard, with the registry and token from the repository's settings", () => {
    expect(scripts[changesets!.with!.publish!.replace(/^pnpm /, "")]).toMatch(/^mcp-platform release-check && changeset publish$/);
    expect(changesets!.env).toMatchObject({
      NODE_AUTH_TOKEN: expect.stringMatching(/^\$\{\{ secrets\.\w+ \}\}$/),
      npm_config_registry: expect.stringMatching(/^\$\{\{ vars\.\w+ \}\}$/),
    });
  });
});
