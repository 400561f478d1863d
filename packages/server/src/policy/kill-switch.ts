import { existsSync, readFileSync } from "node:fs";
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

  /** `tools`: the server's tool names, to point out listed names that match none of them. */
  constructor(disabled: readonly string[], file: string | undefined, logger: Logger, tools: readonly string[]) {
    this.#fromEnvironment = new Set(disabled);
    this.#logger = logger;
    this.#tools = tools;
    if (file) this.#fromFile = readList(file);
    // A wrong path (a typo, a ConfigMap mounted elsewhere) would otherwise leave the switch dead in silence.
    if (file && !existsSync(file)) logger.warn({ file }, "MCP_DISABLED_TOOLS_FILE does not exist yet: nothing is switched off by file until it does");
    if (this.disabled.size) this.#report("kill switch set at start");
    if (!file) return;
    const reload = () => {
      const next = readList(file);
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

  /** A listed name that matches no tool here is a typo, or a tool of another server sharing the list. */
  #report(message: string): void {
    const disabled = [...this.disabled];
    const unknown = disabled.filter((name) => !this.#tools.includes(name));
    const why = unknown.length ? `; ${unknown.join(", ")} names no tool of this server (a typo, or another server's tool)` : "";
    this.#logger.warn({ audit: true, decision: "kill_switch", disabled, ...(unknown.length ? { unknown } : {}) }, message + why);
  }
}

function readList(file: string): Set<string> {
  try {
    return new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.replace(/#.*/, "").trim())
        .filter(Boolean),
    );
  } catch {
    return new Set(); // no file means nothing switched off by file
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
