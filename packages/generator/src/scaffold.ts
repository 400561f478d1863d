import { join } from "node:path";
import type { AccessLevel } from "@mcp-platform/server/definition";
import { defaultToolName } from "./answers/server-answers.js";
import { generate } from "./generate.js";

export interface ScaffoldServerOptions {
  /** The workspace (checkout) root to write into. */
  root: string;
  name: string;
  owner: string;
  description: string;
  /** Default `stdio`. */
  transport?: "stdio" | "http";
  /** The first tool's access level; default `read`. */
  access?: AccessLevel;
  /** The first tool's name; default from the access level and the server name, e.g. `get_billing`. */
  tool?: string;
  /** What the first tool does and when to call it, in one line (its description in the contract and the catalog). */
  toolDescription: string;
  /** `false` writes the files only: no `pnpm install`, contract update or catalog. Default `true`. */
  install?: boolean;
}

/** `pnpm gen server` without questions. Resolves with the new server's folder and the steps done. */
export async function scaffoldServer(options: ScaffoldServerOptions): Promise<{ dir: string; steps: string[] }> {
  const { root, toolDescription, ...answers } = options;
  const access = answers.access ?? "read";
  const steps = await generate(root, "server", {
    ...answers,
    "tool-description": toolDescription,
    transport: answers.transport ?? "stdio",
    access,
    tool: answers.tool ?? defaultToolName(answers.name, access),
    install: answers.install ?? true,
  });
  return { dir: join(root, "apps", options.name), steps };
}

export interface AddToolOptions {
  root: string;
  server: string;
  name: string;
  access: AccessLevel;
  /** What the tool does and when to call it, in one line. */
  description: string;
  /** `false` writes the files only: no contract update or catalog. Default `true`. */
  install?: boolean;
}

/** `pnpm gen tool` without questions. Resolves with the steps done. */
export async function addTool(options: AddToolOptions): Promise<string[]> {
  const { root, ...answers } = options;
  return generate(root, "tool", {
    ...answers,
    install: answers.install ?? true,
  });
}
