import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineProject } from "vitest/config";

/**
 * A package's `vitest.config.ts` is `export default packageTests()`. Having its own config is what
 * keeps `pnpm --filter <pkg> test` to that package: without one, Vitest searches upward and runs the
 * root's, which holds every package of the repository.
 */
export function packageTests() {
  const reportDir = process.env.VITEST_REPORT_DIR;
  return defineProject({
    test: {
      include: ["src/**/*.test.ts"],
      // Integration tests start real processes (servers, registries, PostgreSQL) on a busy 2-core CI machine.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // A worker runs its test files one after another in one module graph instead of a fresh one
      // each: importing the SDK, zod and OpenTelemetry again for every file was a third of the unit
      // tests' CPU (the suite's tests took ~60 CPU-seconds less). The setup file still runs per file.
      isolate: false,
      setupFiles: [new URL("./isolated-home.js", import.meta.url).pathname],
      // `pnpm test` in CI: each package's results as JSON, which .ci/summarize.mjs adds up into one count.
      ...(reportDir && { reporters: ["default", ["json", { outputFile: join(reportDir, `${reportName()}.json`) }]] }),
    },
  });
}

function reportName() {
  const { name } = JSON.parse(readFileSync("package.json", "utf8"));
  return name.replace(/^@/, "").replace("/", "__");
}
