import { ACCESS_LEVELS, type AccessLevel } from "@mcp-platform/server/definition";
import { snakeCase } from "change-case";
import { z } from "zod";
import { SERVER_NAME, TOOL_NAME } from "../names.js";
import type { Workspace } from "../workspace.js";
import { name, oneOf, parseAnswers, prose, text } from "./fields.js";

export const TRANSPORTS = ["stdio", "http"] as const;

const KEBAB = 'kebab-case: lowercase letters and digits, words joined by "-" (e.g. billing-api)';
export const SNAKE = 'snake_case: lowercase letters and digits, words joined by "_" (e.g. get_invoice)';

/** Each answer of `pnpm gen server`, checked against the workspace as it is now. */
export function serverFields(workspace: Workspace) {
  return {
    name: name("server name", SERVER_NAME, KEBAB)
      .refine((value) => !workspace.isReserved(value), { error: (issue) => `server name "${String(issue.input)}" is reserved for the kit` })
      .refine((value) => !workspace.hasApp(value), { error: (issue) => `apps/${String(issue.input)} already exists` }),
    owner: text("owner").regex(workspace.config.owner, {
      error: (issue) => `owner ${JSON.stringify(issue.input)} must have the form ${workspace.config.ownerForm}`,
    }),
    description: prose("description"),
    transport: oneOf("transport", TRANSPORTS),
    access: oneOf("access", ACCESS_LEVELS),
    tool: name("tool name", TOOL_NAME, SNAKE),
    "tool-description": prose("tool description"),
  };
}

export type ServerAnswers = z.output<z.ZodObject<ReturnType<typeof serverFields>>> & { install: boolean };

export function parseServerAnswers(workspace: Workspace, answers: unknown): ServerAnswers {
  return parseAnswers(z.object({ ...serverFields(workspace), install: z.boolean().default(true) }), answers);
}

const VERB: Record<AccessLevel, string> = { read: "get", write: "update", destructive: "delete" };

/** The first tool's name when none is given: `get_billing` for a read tool of `billing`. */
export function defaultToolName(server: string, access: AccessLevel): string {
  return `${VERB[access]}_${snakeCase(server)}`;
}
