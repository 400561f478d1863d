import type { Command, CommandIo } from "./command.js";

/** Each command is imported only when it runs, so one command's dependencies never slow another. */
const COMMANDS = new Map<string, () => Promise<{ default: Command }>>([
  ["catalog", () => import("./commands/catalog.js")],
  ["contract", () => import("./commands/contract.js")],
  ["dev-issuer", () => import("./commands/dev-issuer.js")],
  ["dev-token", () => import("./commands/dev-token.js")],
  ["outcomes", () => import("./commands/outcomes.js")],
  ["release-check", () => import("./commands/release-check.js")],
  ["traces", () => import("./commands/traces.js")],
]);

const HELP = new Set(["help", "--help", "-h"]);
const COMMAND_HELP = new Set(["--help", "-h"]);

const processIo: CommandIo = {
  cwd: process.cwd(),
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** `mcp-platform <command> [args]`; resolves with the exit code. Errors become one line, not a stack. */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || HELP.has(name)) {
    io.out(await usage());
    return 0;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    io.err(`mcp-platform: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  let commandUsage: string | undefined;
  try {
    const command = (await load()).default;
    commandUsage = `Usage: mcp-platform ${command.usage}`;
    if (args.some((arg) => COMMAND_HELP.has(arg))) {
      io.out(`${commandUsage}\n\n${command.summary}`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    // An unknown option or one missing its value: the command's own usage says what it takes.
    if (commandUsage && isArgumentError(error)) {
      io.err(`mcp-platform ${name}: ${error.message}\n${commandUsage}`);
      return 2;
    }
    io.err(`mcp-platform ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** The errors `node:util` parseArgs throws for arguments it cannot take. */
function isArgumentError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS_");
}

async function usage(): Promise<string> {
  const commands = await Promise.all([...COMMANDS.values()].map(async (load) => (await load()).default));
  return ["Usage: mcp-platform <command> [options]", "", "Commands:", ...commands.map((c) => `  ${c.usage.padEnd(28)} ${c.summary}`)].join("\n");
}
