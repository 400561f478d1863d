import type { AddManyActionConfig } from "node-plop";
import type { Job } from "./job.js";
import type { Answers } from "./prompts.js";
import { render, TEMPLATES_DIR } from "./templates.js";

/** The questions of `pnpm gen server` whose answers shape the files (kept in the template record). */
export const SERVER_ANSWER_NAMES = ["name", "owner", "description", "transport", "access", "tool", "tool-description"] as const;

/** The answers the templates see, as strings, in question order. */
export function templateAnswers(raw: Answers): Record<string, string> {
  return Object.fromEntries(SERVER_ANSWER_NAMES.map((name) => [name, String(raw[name])]));
}

/** Renders a server at `app` from `templates` (the kit's own by default): the server, then its first tool. */
export function serverTemplates(job: Job, app: string, answers: Record<string, string>, templates = TEMPLATES_DIR): AddManyActionConfig[] {
  const tool = { serverName: answers.name, toolName: answers.tool, toolAccess: answers.access, toolDescription: answers["tool-description"] };
  return [render(job, "server", app, answers, templates), render(job, "tool", `${app}/src/tools`, tool, templates)];
}
