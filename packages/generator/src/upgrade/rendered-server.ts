import { readFile } from "node:fs/promises";
import { relative } from "node:path/posix";
import nodePlop from "node-plop";
import { formatted } from "../format.js";
import { Job } from "../job.js";
import { serverTemplates } from "../server-templates.js";
import { registerHelpers } from "../templates.js";

/**
 * What `pnpm gen server` would write at `app` from the templates in `templates`, with `answers`,
 * formatted as it would be: each file's text by its path inside the server. Nothing is written to
 * the workspace.
 */
export async function renderedServer(root: string, app: string, answers: Record<string, string>, templates: string): Promise<Map<string, string>> {
  const job = new Job(root);
  try {
    const plop = await nodePlop(undefined, { destBasePath: root, force: false });
    registerHelpers(plop);
    plop.setGenerator("render", { description: "render a server", prompts: [], actions: serverTemplates(job, app, answers, templates) });
    const { failures } = await plop.getGenerator("render").runActions(answers);
    const failure = failures[0];
    if (failure) throw new Error(`rendering ${app} from ${templates} failed: ${failure.error || failure.message}`);
    const files = new Map<string, string>();
    for (const file of await job.stagedFiles()) {
      files.set(relative(app, file), await formatted(root, file, await readFile(job.staged(file), "utf8")));
    }
    return files;
  } finally {
    await job.rollback();
  }
}
