import type { NodePlopAPI } from "node-plop";
import { serverGenerator } from "./server-generator.js";
import { registerSteps } from "./step.js";
import { registerHelpers } from "./templates.js";
import { toolGenerator } from "./tool-generator.js";
import { findWorkspaceRoot, openWorkspace } from "./workspace.js";

/**
 * The kit's plopfile: the `server` and `tool` generators. It writes into `destBasePath` when given
 * (the API and the tests do), else into the workspace around the current directory.
 */
export default async function plopfile(plop: NodePlopAPI, config: { destBasePath?: string } = {}): Promise<void> {
  const workspace = await openWorkspace(config.destBasePath ?? findWorkspaceRoot(process.cwd()));
  registerHelpers(plop);
  registerSteps(plop);
  plop.setGenerator("server", serverGenerator(workspace));
  plop.setGenerator("tool", toolGenerator(workspace));
}
