import { parseArgs } from "node:util";
import type { Answers, Question } from "../prompts.js";

/** A command line the generator cannot use; the message says what to type instead. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface Flags {
  /** `--<prompt> value` for each question given on the command line. */
  answers: Record<string, string>;
  install: boolean;
  help: boolean;
}

/**
 * A generator's flags: one `--<name> <value>` per question, `--no-install` and `--help`. A `--`
 * (plop's own form, `pnpm gen server -- --name billing`) is accepted and ignored.
 */
export function parseFlags(questions: readonly Question[], args: readonly string[]): Flags {
  const names = questions.map((question) => question.name);
  const dashes = args.indexOf("--");
  const rest = dashes === -1 ? [...args] : [...args.slice(0, dashes), ...args.slice(dashes + 1)];
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        ...Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
        install: { type: "boolean", default: true },
        help: { type: "boolean", short: "h", default: false },
      },
      allowNegative: true,
      strict: true,
    });
    const { install, help, ...answers } = values as Record<string, string | boolean>;
    return { answers: answers as Record<string, string>, install: install !== false, help: help === true };
  } catch (error) {
    throw usageError(error, [...names.map((name) => `--${name}`), "--no-install"].join(", "));
  }
}

/** `parseArgs`'s error as one short line that lists the options there are; any other error as it is. */
export function usageError(error: unknown, options: string): unknown {
  // Node names the argument in quotes: "Unknown option '--nme'", "Option '--name <value>' argument missing".
  const quoted = /'([^' ]+)/.exec((error as Error).message)?.[1];
  const { code } = error as { code?: string };
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError(`unknown option ${quoted} (options: ${options})`);
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return new UsageError(`unexpected argument "${quoted}": give answers as flags (${options})`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return new UsageError(`${quoted} needs a value`);
  return error;
}

/**
 * node-plop's bypass list, in question order: a flag's value, `_` to ask (with a terminal), else
 * the question's default; a question with neither is a usage error.
 */
export function bypassValues(questions: readonly Question[], given: Record<string, string>, interactive: boolean): string[] {
  const answers: Answers = { ...given };
  return questions.map((question) => {
    const value = given[question.name] ?? (interactive ? undefined : defaultOf(question, answers));
    if (value === undefined && !interactive) throw new UsageError(`--${question.name} is required (there is no terminal to ask)`);
    answers[question.name] = value;
    return value ?? "_";
  });
}

function defaultOf(question: Question, answers: Answers): string | undefined {
  const fallback: unknown = question.default;
  if (typeof fallback === "function") return (fallback as (answers: Answers) => string)(answers);
  return typeof fallback === "string" ? fallback : undefined;
}
