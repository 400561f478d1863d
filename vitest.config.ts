import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Every package's tests as one Vitest workspace, for editors and `pnpm exec vitest` (watch mode across
 * packages). `pnpm test` runs each package's own config through turbo instead, which caches them.
 */
export default defineConfig({
  test: {
    // Most long files wait on the processes they start: at least three at a time, even on 2 cores.
    maxWorkers: Math.max(availableParallelism(), 3),
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
