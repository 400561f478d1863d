import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPOSITORY = fileURLToPath(new URL("../../../../", import.meta.url));

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A throw-away copy of this repository's HEAD commit (committed files only: uncommitted work in the
 * checkout stays out, so the copy is what CI's clean clone has) as a fresh git repository on `main`
 * with one commit, no tags and its own `pnpm install`, so the release scripts can version, tag and
 * publish without touching the real checkout.
 */
export class RepoCopy {
  private constructor(readonly dir: string) {}

  static async create(): Promise<RepoCopy> {
    const repo = new RepoCopy(await mkdtemp(join(tmpdir(), "mcp-platform-repo-")));
    try {
      await repo.ok("sh", ["-c", 'git -C "$0" archive HEAD | tar -x', REPOSITORY]);
      await repo.ok("git", ["init", "-q", "-b", "main"]);
      const identity = { "user.name": "Release Test", "user.email": "release-test@example.com", "commit.gpgsign": "false", "tag.gpgsign": "false" };
      for (const [key, value] of Object.entries(identity)) await repo.ok("git", ["config", key, value]);
      await repo.commit(`Copy of ${REPOSITORY} at HEAD`);
      await repo.ok("pnpm", ["install", "--frozen-lockfile", "--offline"]);
      // Generated files start current, so the tests exercise the flow, not whether the last commit
      // ran `pnpm contract:update` (the outer `pnpm test` checks that).
      await repo.ok("pnpm", ["contract:update"]);
      await repo.ok("pnpm", ["catalog"]);
      // Start from "everything released": changesets pending in the checkout are not the tests' own.
      await repo.ok("sh", ["-c", "find .changeset -name '*.md' ! -name README.md -delete"]);
      await repo.commit("Generated files up to date, pending changesets released");
      return repo;
    } catch (error) {
      await repo.remove();
      throw error;
    }
  }

  /** Runs a command in the copy; resolves with its exit code and output, whatever the code. */
  run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    return run(command, args, this.dir, env);
  }

  /** Runs a command that must succeed; its output is in the error when it does not. */
  async ok(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    const result = await this.run(command, args, env);
    if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  async commit(message: string): Promise<void> {
    await this.ok("git", ["add", "-A"]);
    await this.ok("git", ["commit", "-q", "--allow-empty", "-m", message]);
  }

  /** Undoes every uncommitted change (ignored files such as dist/ stay). */
  async reset(): Promise<void> {
    await this.ok("git", ["reset", "-q", "--hard"]);
    await this.ok("git", ["clean", "-q", "-fd"]);
  }

  read(path: string): Promise<string> {
    return readFile(join(this.dir, path), "utf8");
  }

  async edit(path: string, change: (text: string) => string): Promise<void> {
    const before = await this.read(path);
    const after = change(before);
    if (after === before) throw new Error(`editing ${path} changed nothing`);
    await writeFile(join(this.dir, path), after);
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...cleanEnvironment(), ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The outer run's settings (pnpm's npm_config_*, vitest's, turbo's, the policy clock) stay outside.
 * Turbo shares the checkout's cache: task hashes depend on file contents only, so what the outer
 * `pnpm test` already built, linted and typechecked is not done again in the copy.
 */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const outer = Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|vitest|turbo_|mcp_platform_|init_cwd$)/i.test(key));
  return {
    ...Object.fromEntries(outer),
    CI: "true",
    NO_COLOR: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    TURBO_CACHE_DIR: process.env.TURBO_CACHE_DIR ?? join(REPOSITORY, ".turbo/cache"),
  };
}
