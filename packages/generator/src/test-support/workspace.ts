import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throw-away workspace in its own git repository, with just what the generator reads. */
export interface TestWorkspace {
  root: string;
  write(path: string, text: string): void;
  /** Commits everything, so that `status()` shows only what comes after. */
  commit(): void;
  /** `git status --porcelain`, untracked files listed one by one. */
  status(): string;
  remove(): void;
}

export function testWorkspace(): TestWorkspace {
  const root = mkdtempSync(join(tmpdir(), "mcp-platform-gen-test-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: root, encoding: "utf8" });
  const workspace: TestWorkspace = {
    root,
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    commit: () => {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", "state");
    },
    status: () => git("status", "--porcelain", "--untracked-files=all"),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  git("init", "-q");
  workspace.write("packages/fleet/package.json", `${JSON.stringify({ name: "@mcp-platform/fleet", private: true, devDependencies: {} }, null, 2)}\n`);
  workspace.write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - apps/*\n");
  workspace.write("packages/server/package.json", '{ "name": "@mcp-platform/server" }\n');
  workspace.commit();
  return workspace;
}
