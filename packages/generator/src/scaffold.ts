import { join } from "node:path";
import type { AccessLevel } from "@mcp-platform/server/definition";
import { defaultToolName } from "./answers/server-answers.js";
import { defaultToolDescription } from "./answers/tool-answers.js";
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
  /** `false` writes the files only: no `pnpm install`, contract update or catalog. Default `true`. */
  install?: boolean;
}

/** `pnpm gen server` without questions. Resolves with the new server's folder and the steps done. */
export async function scaffoldServer(options: ScaffoldServerOptions): Promise<{ dir: string; steps: string[] }> {
  const { root, ...answers } = options;
  const access = answers.access ?? "read";
  const steps = await generate(root, "server", {
    ...answers,
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
  description?: string;
  /** `false` writes the files only: no contract update or catalog. Default `true`. */
  install?: boolean;
}

/** `pnpm gen tool` without questions. Resolves with the steps done. */
export async function addTool(options: AddToolOptions): Promise<string[]> {
  const { root, ...answers } = options;
  return generate(root, "tool", {
    ...answers,
    description: answers.description ?? defaultToolDescription(answers.server, answers.access),
    install: answers.install ?? true,
  });
}
