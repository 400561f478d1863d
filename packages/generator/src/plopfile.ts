import type { NodePlopAPI } from "node-plop";
import { serverGenerator } from "./server-generator.js";
import { registerSteps } from "./step.js";
import { registerHelpers } from "./templates.js";
import { toolGenerator } from "./tool-generator.js";
import { findWorkspaceRoot, openWorkspace } from "./workspace.js";

/**
 * The kit's plopfile: the `server` and `tool` generators. It writes into `destBasePath` when given
 * (the API and the tests do), else into the workspace around the current directory. A run that
 * `signal` aborts stops its commands and is undone.
 */
export default async function plopfile(plop: NodePlopAPI, config: { destBasePath?: string; signal?: AbortSignal } = {}): Promise<void> {
  const workspace = await openWorkspace(config.destBasePath ?? findWorkspaceRoot(process.cwd()));
  registerHelpers(plop);
  registerSteps(plop);
  plop.setGenerator("server", serverGenerator(workspace, config.signal));
  plop.setGenerator("tool", toolGenerator(workspace, config.signal));
}
