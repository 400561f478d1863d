import { existsSync, readdirSync } from "node:fs";
import { defineConfig } from "vitest/config";

const jsonReport = process.env.VITEST_JSON_REPORT;
const workspaces = ["packages", "apps"].flatMap((group) =>
  readdirSync(group)
    .map((name) => `${group}/${name}`)
    .filter((dir) => existsSync(`${dir}/package.json`)),
);

/** One run over every package and app, so CI gets a single pass/fail count. */
export default defineConfig({
  test: {
    projects: workspaces.map((root) => ({ extends: true, test: { name: root, root, include: ["src/**/*.test.ts"] } })),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
