import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddManyActionConfig, NodePlopAPI } from "node-plop";
import { capitalCase } from "change-case";
import type { Job } from "./job.js";
import { toolFile } from "./names.js";

/** The root of the checkout this generator belongs to. */
export const KIT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The kit's Handlebars templates. */
export const TEMPLATES_DIR = join(KIT_ROOT, "templates");

/** Helpers the templates use beyond plop's case helpers. */
export function registerHelpers(plop: NodePlopAPI): void {
  plop.setHelper("eq", (left: unknown, right: unknown) => left === right);
  /** A JSON (and so TypeScript) string literal: descriptions may hold quotes and backslashes. */
  plop.setHelper("json", (value: unknown) => JSON.stringify(value));
  plop.setHelper("capitalCase", (value: string) => capitalCase(value));
  plop.setHelper("toolFile", (value: string) => toolFile(value));
}

/** Renders `<templates>/<template>/**` into the job's staging folder, at `destination` in the workspace. */
export function render(job: Job, template: "server" | "tool", destination: string, data: object = {}, templates = TEMPLATES_DIR): AddManyActionConfig {
  const base = join(templates, template);
  return {
    type: "addMany",
    destination: job.staged(destination),
    // Required by node-plop's types only: addMany gives each file its own path under `destination`.
    path: job.staged(destination),
    base,
    templateFiles: join(base, "**"),
    globOptions: { dot: true },
    verbose: false,
    data,
  };
}
