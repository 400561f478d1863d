import { defineProject } from "vitest/config";

/**
 * A package's `vitest.config.ts` is `export default packageTests()`. Having its own config is what
 * keeps `pnpm --filter <pkg> test` to that package: without one, Vitest searches upward and runs the
 * root's, which holds every package of the repository.
 */
export function packageTests() {
  return defineProject({
    test: {
      include: ["src/**/*.test.ts"],
      // Integration tests start real processes (servers, registries, PostgreSQL) on a busy 2-core CI machine.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      setupFiles: [new URL("./isolated-home.js", import.meta.url).pathname],
    },
  });
}
