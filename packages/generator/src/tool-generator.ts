import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ACCESS_LEVELS } from "@mcp-platform/server/definition";
import { camelCase } from "change-case";
import type { ActionType, PlopGeneratorConfig } from "node-plop";
import { parseToolAnswers, toolClash, toolFields } from "./answers/tool-answers.js";
import { changesetStep } from "./changeset.js";
import { finishSteps, placeStep } from "./finish.js";
import { Job } from "./job.js";
import { toolFile } from "./names.js";
import { choice, input, type Answers } from "./prompts.js";
import { registerTool } from "./register-tool.js";
import { step } from "./step.js";
import { render } from "./templates.js";
import type { Workspace } from "./workspace.js";

/** `pnpm gen tool`: one more tool in an existing server, registered, tested and in its contract. */
export function toolGenerator(workspace: Workspace, signal?: AbortSignal): PlopGeneratorConfig {
  const fields = toolFields(workspace);
  return {
    description: "add a tool to a server in apps/",
    prompts: [
      choice("server", "Server", workspace.servers(), fields.server),
      input("name", "Tool name (snake_case, e.g. get_invoice)", fields.name, {
        also: (value, answers) => (typeof answers.server === "string" ? toolClash(workspace, answers.server, value) : undefined),
      }),
      choice("access", "Access level", ACCESS_LEVELS, fields.access),
      input("description", "What the tool does and when to call it, in one line", fields.description),
    ],
    actions: (answers) => toolActions(workspace, answers ?? {}, signal),
  };
}

function toolActions(workspace: Workspace, raw: Answers, signal?: AbortSignal): ActionType[] {
  const job = new Job(workspace.root, signal);
  const server = String(raw.server);
  const tool = String(raw.name);
  const app = `apps/${server}`;
  return [
    step("check", () => `${tool} (${parseToolAnswers(workspace, raw).access}) in ${app}`),
    render(job, "tool", `${app}/src/tools`, { serverName: server, toolName: tool, toolAccess: raw.access, toolDescription: raw.description }),
    step("register", async () => {
      const serverFile = `${app}/src/server.ts`;
      const source = await readFile(join(workspace.root, serverFile), "utf8");
      await job.save(serverFile);
      await job.write(serverFile, registerTool(source, { identifier: camelCase(tool), module: `./tools/${toolFile(tool)}.js` }));
      return serverFile;
    }),
    changesetStep(
      job,
      `add-tool-${server}-${toolFile(tool)}`,
      () => workspace.packageName(server),
      `New ${String(raw.access)} tool \`${tool}\`: ${String(raw.description)}`,
    ),
    placeStep(job),
    ...(raw.install === false
      ? ["Next: pnpm contract:update and pnpm catalog"]
      : finishSteps(job, { install: false, contracts: [`${app}/mcp-contract.json`] })),
  ];
}
