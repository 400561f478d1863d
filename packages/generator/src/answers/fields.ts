import { z } from "zod";
import { MAX_NAME_LENGTH } from "../names.js";

/** A required text answer; `label` names it in the message of a bad one. */
export function text(label: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `${label} is missing` : `${label} must be text`) });
}

/** One line of prose, as a server's or a tool's description is shown to people and models. */
export function prose(label: string) {
  return text(label)
    .refine((value) => value.trim() !== "", `${label} is empty`)
    .max(200, `${label} is longer than 200 characters`)
    .refine((value) => !/[\r\n]/.test(value), `${label} must be one line`);
}

export function oneOf<const T extends readonly string[]>(label: string, values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label} is missing (${values.join(", ")})`
        : `${label} must be ${values.slice(0, -1).join(", ")} or ${values.at(-1)} (got ${JSON.stringify(issue.input)})`,
  });
}

/** A name in the form `pattern` describes; `form` says it in words, with an example. */
export function name(label: string, pattern: RegExp, form: string) {
  return text(label)
    .regex(pattern, { error: (issue) => `${label} ${JSON.stringify(issue.input)} must be ${form}` })
    .max(MAX_NAME_LENGTH, `${label} is longer than ${MAX_NAME_LENGTH} characters`);
}

/** The message of the first problem, or `undefined` when `value` is fine. */
export function problemOf(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]!.message;
}

/** A bad answer: its message is one line that says what is wrong and what would be right. */
export class InvalidAnswer extends Error {
  override name = "InvalidAnswer";
}

export function parseAnswers<S extends z.ZodType>(schema: S, answers: unknown): z.output<S> {
  const result = schema.safeParse(answers);
  if (!result.success) throw new InvalidAnswer(result.error.issues[0]!.message);
  return result.data;
}
