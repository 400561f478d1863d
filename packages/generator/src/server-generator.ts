import { ACCESS_LEVELS, type AccessLevel } from "@mcp-platform/server/definition";
import type { ActionType, PlopGeneratorConfig } from "node-plop";
import { defaultToolName, parseServerAnswers, serverFields, TRANSPORTS } from "./answers/server-answers.js";
import { changesetStep } from "./changeset.js";
import { finishSteps, placeStep } from "./finish.js";
import { fleetMemberStep } from "./fleet-member.js";
import { Job } from "./job.js";
import { choice, input, type Answers } from "./prompts.js";
import { step } from "./step.js";
import { serverTemplates, templateAnswers } from "./server-templates.js";
import { recordTemplateStep } from "./upgrade/record-template.js";
import type { Workspace } from "./workspace.js";

/** `pnpm gen server`: a new team server in `apps/<name>`, green on its first build. */
export function serverGenerator(workspace: Workspace, signal?: AbortSignal): PlopGeneratorConfig {
  const fields = serverFields(workspace);
  return {
    description: "scaffold a new team server in apps/",
    prompts: [
      input("name", "Server name (kebab-case, e.g. billing)", fields.name),
      input("owner", `Owning team (${workspace.config.ownerForm})`, fields.owner),
      input("description", "What the server offers, in one line", fields.description),
      choice("transport", "Transport when MCP_TRANSPORT is not set", TRANSPORTS, fields.transport),
      choice("access", "Access level of its first tool", ACCESS_LEVELS, fields.access),
      input("tool", "Name of its first tool (snake_case)", fields.tool, {
        default: (answers) => defaultToolName(String(answers.name), answers.access as AccessLevel),
      }),
      // No default: a placeholder would land in the contract and the catalog.
      input("tool-description", "What its first tool does and when to call it, in one line", fields["tool-description"]),
    ],
    actions: (answers) => serverActions(workspace, answers ?? {}, signal),
  };
}

function serverActions(workspace: Workspace, raw: Answers, signal?: AbortSignal): ActionType[] {
  const job = new Job(workspace.root, signal);
  const name = String(raw.name);
  const app = `apps/${name}`;
  const packageName = `@mcp-platform/${name}`;
  return [
    step("check", () => `${app}, owned by ${parseServerAnswers(workspace, raw).owner}`),
    ...serverTemplates(job, app, templateAnswers(raw)),
    recordTemplateStep(job, app, raw),
    fleetMemberStep(job, packageName),
    changesetStep(job, `add-server-${name}`, () => packageName, `New server \`${name}\` (owner ${String(raw.owner)}): ${String(raw.description)}`),
    placeStep(job),
    ...(raw.install === false
      ? ["Next: pnpm install, then pnpm contract:update and pnpm catalog (the contract, the catalog and the CODEOWNERS line)"]
      : finishSteps(job, { install: true, contracts: [`${app}/mcp-contract.json`] })),
  ];
}
