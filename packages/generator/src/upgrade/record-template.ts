import { formatTemplateRecord, TEMPLATE_RECORD_FILE } from "@mcp-platform/contract";
import type { Job } from "../job.js";
import type { Answers } from "../prompts.js";
import { templateAnswers } from "../server-templates.js";
import { step, type StepConfig } from "../step.js";
import { templateVersion } from "./template-version.js";

/** Stages the new server's template record: the version of `templates/` it is rendered from, and its answers. */
export function recordTemplateStep(job: Job, app: string, raw: Answers): StepConfig {
  const file = `${app}/${TEMPLATE_RECORD_FILE}`;
  return step("record", async () => {
    const template = await templateVersion();
    await job.write(file, formatTemplateRecord({ template, answers: templateAnswers(raw) }));
    return `${file} (template ${template.slice(0, 12)})`;
  });
}
