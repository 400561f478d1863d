import type { NodePlopAPI, PlopGenerator } from "node-plop";
import { loadGenerators } from "../generate.js";
import type { Question } from "../prompts.js";
import { findWorkspaceRoot } from "../workspace.js";
import { bypassValues, parseFlags, UsageError } from "./flags.js";
import { Interrupted } from "./interrupt.js";
import { runUpgrade } from "./run-upgrade.js";

export interface CliIo {
  cwd: string;
  /** A person can answer questions (a terminal on stdin). */
  interactive: boolean;
  out(text: string): void;
  err(text: string): void;
  /**
   * Calls `interrupt` on Ctrl-C (SIGINT) or SIGTERM until the function it returns is called. Only
   * the actions listen: a question is left the usual way, before anything is written.
   */
  onInterrupt?(interrupt: (reason: Interrupted) => void): () => void;
}

const ABORTED = "Aborted due to previous action failure";

/** `mcp-platform-gen [server|tool] [--<answer> value ...] [--no-install]` or `upgrade ...`; resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const interrupted = new AbortController();
  try {
    const [first, ...rest] = argv;
    if (first === "upgrade") {
      const stopListening = io.onInterrupt?.((reason) => interrupted.abort(reason));
      return await runUpgrade(findWorkspaceRoot(io.cwd), rest, io, interrupted.signal).finally(stopListening);
    }
    const plop = await loadGenerators(findWorkspaceRoot(io.cwd), interrupted.signal);
    if (first === undefined || first.startsWith("-")) {
      io.out(usage(plop));
      return first === "--help" || first === "-h" ? 0 : 2;
    }
    const name = first;
    if (!plop.getGeneratorList().some((generator) => generator.name === name)) {
      throw new UsageError(
        `no generator "${name}" (generators: ${plop
          .getGeneratorList()
          .map((g) => g.name)
          .join(", ")})`,
      );
    }
    const generator = plop.getGenerator(name);
    const questions = generator.prompts as Question[];
    const flags = parseFlags(questions, rest);
    if (flags.help) {
      io.out(generatorUsage(name, generator, questions));
      return 0;
    }
    const answers = (await generator.runPrompts(bypassValues(questions, flags.answers, io.interactive))) as Record<string, unknown>;
    const stopListening = io.onInterrupt?.((reason) => interrupted.abort(reason));
    const { failures } = await generator
      .runActions(
        { ...answers, install: flags.install },
        {
          onComment: (comment) => io.out(comment),
          onSuccess: (change) => io.out(`✔ ${change.type} ${change.path.replaceAll("\n", "\n    ")}`),
          onFailure: (failure) => failure.error !== ABORTED && !interrupted.signal.aborted && io.err(`✖ ${failure.error || failure.message}`),
        },
      )
      .finally(stopListening);
    if (failures.length === 0) return 0;
    // A step an interrupt made fail is reported as the interrupt, in its one line.
    interrupted.signal.throwIfAborted();
    return 1;
  } catch (error) {
    if (error instanceof Interrupted) {
      io.err(`✖ ${error.message}`);
      return error.exitCode;
    }
    io.err(`✖ ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function usage(plop: NodePlopAPI): string {
  const generators = plop.getGeneratorList().map((g) => `  pnpm gen ${g.name.padEnd(8)} ${g.description}`);
  const upgrade = `  pnpm gen ${"upgrade".padEnd(8)} bring generated servers up to the current template (--help for more)`;
  return [
    "Usage: pnpm gen <generator> [--<answer> <value> ...] [--no-install]",
    "",
    ...generators,
    upgrade,
    "",
    "pnpm gen <generator> --help lists its answers.",
  ].join("\n");
}

function generatorUsage(name: string, generator: PlopGenerator, questions: readonly Question[]): string {
  const lines = questions.map((question) => `  --${question.name.padEnd(12)} ${typeof question.message === "string" ? question.message : ""}`);
  return [
    `Usage: pnpm gen ${name} [options]: ${generator.description}`,
    "",
    ...lines,
    `  --${"no-install".padEnd(12)} write the files only (then: pnpm install, pnpm contract:update, pnpm catalog)`,
    "",
    "Answers not given are asked; without a terminal, their defaults are taken (an answer without one must be given).",
  ].join("\n");
}
