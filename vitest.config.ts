import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Every package's tests as one Vitest workspace, for editors and `pnpm exec vitest` (watch mode across
 * packages). `pnpm test` runs each package's own config through turbo instead, which caches them.
 */
export default defineConfig({
  test: {
    maxWorkers: Math.max(availableParallelism(), 3),
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
