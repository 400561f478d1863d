import { readFileSync } from "node:fs";
import type { Logger } from "pino";

/**
 * Tools an operator switched off, without a deploy: `MCP_DISABLED_TOOLS` at start, plus a file
 * (`MCP_DISABLED_TOOLS_FILE`, one name per line, `#` comments) that is re-read when it changes.
 */
export class KillSwitch {
  readonly #fromEnvironment: ReadonlySet<string>;
  #fromFile: ReadonlySet<string> = new Set();
  readonly #poll: NodeJS.Timeout | undefined;
  /** Bumped on every change, so cached tool lists know when to recompute. */
  version = 0;
  readonly #listeners = new Set<() => void>();
  readonly #logger: Logger;
  readonly #tools: readonly string[];
  /** Why the file could not be read last time, so that a lasting problem is said once. */
  #fileProblem: string | undefined;

  /** `tools`: the server's tool names, to point out listed names that match none of them. */
  constructor(disabled: readonly string[], file: string | undefined, logger: Logger, tools: readonly string[]) {
    this.#fromEnvironment = new Set(disabled);
    this.#logger = logger;
    this.#tools = tools;
    if (file) this.#fromFile = this.#read(file);
    if (this.disabled.size) this.#report("kill switch set at start");
    if (!file) return;
    const reload = () => {
      const next = this.#read(file);
      if (sameSet(next, this.#fromFile)) return;
      this.#fromFile = next;
      this.version++;
      for (const listener of this.#listeners) listener();
      this.#report("kill switch changed");
    };
    // Reads the file itself every half second rather than fs.watchFile: that one takes its first stat
    // asynchronously, so a change made before that stat became its baseline and was never reported.
    this.#poll = setInterval(reload, 500).unref();
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  isDisabled(tool: string): boolean {
    return this.#fromEnvironment.has(tool) || this.#fromFile.has(tool);
  }

  get disabled(): Set<string> {
    return new Set([...this.#fromEnvironment, ...this.#fromFile]);
  }

  close(): void {
    clearInterval(this.#poll);
  }

  /**
   * The names in the file; none while it cannot be read, which is said once each time the reason
   * changes: a wrong path (a typo, a ConfigMap mounted elsewhere) or a folder where the file should
   * be (a ConfigMap volume's mount point, not its key) would otherwise leave the switch dead in silence.
   */
  #read(file: string): Set<string> {
    const { names, problem } = readList(file);
    if (problem && problem.reason !== this.#fileProblem) this.#logger.warn({ file, reason: problem.reason }, problem.message);
    this.#fileProblem = problem?.reason;
    return names;
  }

  /** A listed name that matches no tool here is a typo, or a tool of another server sharing the list. */
  #report(message: string): void {
    const disabled = [...this.disabled];
    const unknown = disabled.filter((name) => !this.#tools.includes(name));
    const why = unknown.length ? `; ${unknown.join(", ")} names no tool of this server (a typo, or another server's tool)` : "";
    this.#logger.warn({ audit: true, decision: "kill_switch", disabled, ...(unknown.length ? { unknown } : {}) }, message + why);
  }
}

interface FileProblem {
  reason: string;
  message: string;
}

const MISSING: FileProblem = { reason: "ENOENT", message: "MCP_DISABLED_TOOLS_FILE does not exist yet: nothing is switched off by file until it does" };

function readList(file: string): { names: Set<string>; problem?: FileProblem } {
  try {
    const lines = readFileSync(file, "utf8").split("\n");
    return { names: new Set(lines.map((line) => line.replace(/#.*/, "").trim()).filter(Boolean)) };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const folder = code === "EISDIR" ? " (a folder: name the file inside it, as a ConfigMap volume holds one file per key)" : "";
    const problem =
      code === "ENOENT"
        ? MISSING
        : { reason: message, message: `MCP_DISABLED_TOOLS_FILE cannot be read${folder}: nothing is switched off by file until it can` };
    return { names: new Set(), problem };
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
