import { defineConfig } from "vitest/config";

const jsonReport = process.env.VITEST_JSON_REPORT;

/**
 * `pnpm test` at the root: one run over every package's own config (packages/vitest-config), so CI
 * gets a single pass/fail count; `turbo run test --filter=<pkg>` runs and caches one package's.
 */
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
