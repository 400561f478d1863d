/** One `mcp-platform <name>` command: a module whose default export is this. */
export interface Command {
  /** One line for `mcp-platform --help`. */
  summary: string;
  usage: string;
  /** Resolves with the process exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

export interface CommandIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}
