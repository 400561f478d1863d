import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PlopTypes } from "@turbo/gen";

type Plopfile = (plop: PlopTypes.NodePlopAPI, config: { destBasePath?: string }) => Promise<void>;

/**
 * `turbo gen server` and `turbo gen tool`: the same plopfile `pnpm gen` runs, with the same questions,
 * checks and finishing steps. turbo gen bundles this file to CommonJS; the kit's plopfile is an ES
 * module built to dist/, so it is built first (a cache hit after the first time) and loaded by path,
 * at run time, where the bundler cannot reach it.
 */
export default async function generators(plop: PlopTypes.NodePlopAPI, config: { destBasePath?: string } = {}): Promise<void> {
  const root = config.destBasePath ?? process.cwd();
  const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@mcp-platform/generator", "--output-logs=errors-only"], {
    cwd: root,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`building the generator failed:\n${build.stdout}${build.stderr}`);
  const plopfile = join(root, "packages/generator/dist/plopfile.js");
  const { default: register } = (await import(pathToFileURL(plopfile).href)) as { default: Plopfile };
  await register(plop, { destBasePath: root });
}
