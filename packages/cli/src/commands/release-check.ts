import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Command, CommandIo } from "../command.js";

const PUBLIC_REGISTRIES = new Set(["registry.npmjs.org", "registry.npmjs.com", "registry.yarnpkg.com"]);
const SCOPE = "@mcp-platform";

export interface ReleaseTarget {
  registry: string;
  /** `access` in .changeset/config.json, as written. */
  access: unknown;
  /** `MCP_PLATFORM_PUBLISH_PUBLIC=true`: publishing to the public registry is intended. */
  publicIntended: boolean;
}

/**
 * Why `pnpm release` must not publish, or `undefined`. A fork that runs it with npm's defaults would
 * push the company's packages (and their internal URLs and names) to the public registry; that
 * takes a registry chosen on purpose, or an explicit statement that public is meant.
 */
export function releaseProblem({ registry, access, publicIntended }: ReleaseTarget): string | undefined {
  if (access !== "restricted" && access !== "public") {
    return `.changeset/config.json must set "access" to "restricted" or "public" (got ${JSON.stringify(access)})`;
  }
  if (PUBLIC_REGISTRIES.has(new URL(registry).hostname) && !publicIntended) {
    return (
      `pnpm release would publish to the public npm registry (${registry}). Set your company's registry ` +
      `(registry= or ${SCOPE}:registry= in .npmrc, or npm_config_registry), or MCP_PLATFORM_PUBLISH_PUBLIC=true if public is intended`
    );
  }
  return undefined;
}

const command: Command = {
  summary: "refuse to publish unless the registry and access are chosen on purpose (pnpm release runs it)",
  usage: "release-check",
  run: async (args, io) => {
    if (args.length > 0) {
      io.err("Usage: mcp-platform release-check");
      return 2;
    }
    const target: ReleaseTarget = {
      registry: await publishRegistry(io),
      access: (await changesetConfig(io.cwd)).access,
      publicIntended: io.env.MCP_PLATFORM_PUBLISH_PUBLIC === "true",
    };
    const problem = releaseProblem(target);
    if (problem) {
      io.err(problem);
      return 1;
    }
    io.out(`release-check: publishing to ${target.registry} with access ${String(target.access)}`);
    return 0;
  },
};
export default command;

async function changesetConfig(cwd: string): Promise<{ access?: unknown }> {
  const text = await readFile(join(cwd, ".changeset", "config.json"), "utf8").catch(() => {
    throw new Error('.changeset/config.json is missing: it must set "access" ("restricted" or "public")');
  });
  try {
    return JSON.parse(text) as { access?: unknown };
  } catch (error) {
    throw new Error(`.changeset/config.json is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/** Where pnpm publishes the kit's scoped packages: the scope's registry if one is set, else the default. */
async function publishRegistry(io: CommandIo): Promise<string> {
  const get = async (key: string) => (await promisify(execFile)("pnpm", ["config", "get", key], { cwd: io.cwd, env: io.env })).stdout.trim();
  const scoped = await get(`${SCOPE}:registry`);
  return scoped && scoped !== "undefined" ? scoped : await get("registry");
}
