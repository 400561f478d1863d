import type { PromptQuestion } from "node-plop";
import type { z } from "zod";
import { problemOf } from "./answers/fields.js";

/** Answers given so far, as inquirer and node-plop pass them to defaults and checks. */
export type Answers = Record<string, unknown>;

/** A question plop can ask or take from a flag (node-plop "bypass"), checked the same way either way. */
export type Question = PromptQuestion & {
  name: string;
  default?: string | ((answers: Answers) => string);
  bypass?: (value: string) => string;
};

interface InputOptions {
  default?: (answers: Answers) => string;
  /** A check that needs the earlier answers. */
  also?: (value: string, answers: Answers) => string | undefined;
}

export function input(name: string, message: string, schema: z.ZodType, options: InputOptions = {}): Question {
  return {
    type: "input",
    name,
    message,
    ...(options.default ? { default: options.default } : {}),
    validate: (value: string, answers: Answers = {}) => problemOf(schema, value) ?? options.also?.(value, answers) ?? true,
  };
}

export function choice(name: string, message: string, choices: readonly string[], schema: z.ZodType): Question {
  return {
    type: "list",
    name,
    message,
    choices: [...choices],
    ...(choices[0] === undefined ? {} : { default: choices[0] }),
    validate: (value: string) => problemOf(schema, value) ?? true,
    // A flag's value is checked by `validate` like a typed answer, so a bad one gets the same message.
    bypass: (value: string) => value,
  };
}
