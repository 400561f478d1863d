import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

const jsonReport = process.env.VITEST_JSON_REPORT;
// Resolved from this file, so `pnpm --filter <pkg> test` (run inside a package) finds them too.
const root = import.meta.dirname;
const workspaces = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(root, group))
    .map((name) => join(root, group, name))
    .filter((dir) => existsSync(join(dir, "package.json"))),
);

/** One run over every package and app, so CI gets a single pass/fail count. */
export default defineConfig({
  test: {
    projects: workspaces.map((dir) => ({ extends: true, test: { name: dir.slice(root.length + 1), root: dir, include: ["src/**/*.test.ts"] } })),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
