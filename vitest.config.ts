import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const jsonReport = process.env.VITEST_JSON_REPORT;

/**
 * `pnpm test` at the root: one run over every package's own config (packages/vitest-config), so CI
 * gets a single pass/fail count; `turbo run test --filter=<pkg>` runs and caches one package's.
 */
export default defineConfig({
  test: {
    // Most long test files wait on processes they start (builds, registries, servers): Vitest's default of
    // one worker per core but one (a single worker on 2 cores) leaves the machine idle. Measured on 2 cores: 595 s instead of ~900 s.
    maxWorkers: Math.max(availableParallelism(), 3),
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
