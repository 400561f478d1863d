import { ACCESS_LEVELS } from "@mcp-platform/server/definition";
import { z } from "zod";
import { SERVER_NAME, TOOL_NAME } from "../names.js";
import type { Workspace } from "../workspace.js";
import { InvalidAnswer, name, oneOf, parseAnswers, prose } from "./fields.js";
import { SNAKE } from "./server-answers.js";

/** Each answer of `pnpm gen tool`, checked against the workspace as it is now. */
export function toolFields(workspace: Workspace) {
  return {
    server: name("server", SERVER_NAME, "the name of a server in apps/").refine((value) => workspace.servers().includes(value), {
      error: (issue) => `no server "${String(issue.input)}" in apps/ (servers: ${workspace.servers().join(", ") || "none"})`,
    }),
    name: name("tool name", TOOL_NAME, SNAKE),
    access: oneOf("access", ACCESS_LEVELS),
    description: prose("description"),
  };
}

export type ToolAnswers = z.output<z.ZodObject<ReturnType<typeof toolFields>>> & { install: boolean };

/** The problem with adding `tool` to `server`, or `undefined` when it is new there. */
export function toolClash(workspace: Workspace, server: string, tool: string): string | undefined {
  return workspace.hasTool(server, tool) ? `${server} already has a tool ${tool}` : undefined;
}

export function parseToolAnswers(workspace: Workspace, answers: unknown): ToolAnswers {
  const parsed = parseAnswers(z.object({ ...toolFields(workspace), install: z.boolean().default(true) }), answers);
  const clash = toolClash(workspace, parsed.server, parsed.name);
  if (clash) throw new InvalidAnswer(clash);
  return parsed;
}
