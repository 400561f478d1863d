import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadGeneratorConfig, type GeneratorConfig } from "./config.js";
import { RESERVED_NAMES, toolFile } from "./names.js";

/** What the generator needs to know about the workspace it writes into. Read afresh at each question. */
export interface Workspace {
  root: string;
  config: GeneratorConfig;
  isReserved(name: string): boolean;
  /** Anything at `apps/<name>`. */
  hasApp(name: string): boolean;
  /** The servers: apps with a `src/server.ts`. */
  servers(): string[];
  /** Whether a server has the tool, in its committed contract or as a file in `src/tools/`. */
  hasTool(server: string, tool: string): boolean;
  packageName(server: string): string;
}

export async function openWorkspace(root: string): Promise<Workspace> {
  const config = await loadGeneratorConfig(root);
  const reserved = new Set([...RESERVED_NAMES, ...folders(join(root, "packages"))]);
  const app = (name: string, ...path: string[]) => join(root, "apps", name, ...path);
  return {
    root,
    config,
    isReserved: (name) => reserved.has(name),
    hasApp: (name) => existsSync(app(name)),
    servers: () => folders(join(root, "apps")).filter((name) => existsSync(app(name, "src/server.ts"))),
    hasTool: (server, tool) => existsSync(app(server, "src/tools", `${toolFile(tool)}.ts`)) || contractTools(app(server, "mcp-contract.json")).includes(tool),
    packageName: (server) => (JSON.parse(readFileSync(app(server, "package.json"), "utf8")) as { name: string }).name,
  };
}

function folders(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function contractTools(path: string): string[] {
  if (!existsSync(path)) return [];
  const contract = JSON.parse(readFileSync(path, "utf8")) as { tools?: { name: string }[] };
  return (contract.tools ?? []).map((tool) => tool.name);
}

/** The checkout around `cwd`: the nearest folder up with a `pnpm-workspace.yaml`. */
export function findWorkspaceRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`${cwd} is not inside a pnpm workspace (no pnpm-workspace.yaml above it)`);
  }
}
