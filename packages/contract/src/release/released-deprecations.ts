import type { ServerApp } from "../workspace.js";
import { contractAt } from "./base.js";
import { releaseTags } from "./release-tags.js";

/**
 * For each tool, the released versions whose contract (at the release tag) marked it deprecated:
 * how the policy's "minimum minor releases" is measured, from the tags changesets creates.
 */
export async function releasedDeprecations(rootDir: string, app: ServerApp): Promise<Map<string, string[]>> {
  const byTool = new Map<string, string[]>();
  for (const { tag, version } of await releaseTags(rootDir, app.packageName)) {
    const contract = await contractAt(rootDir, app, tag);
    for (const tool of contract?.tools ?? []) {
      if (tool.deprecated) byTool.set(tool.name, [...(byTool.get(tool.name) ?? []), version]);
    }
  }
  return byTool;
}
