import { appendFile, mkdir, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * An append-only JSON-lines file with a size cap: past `maxBytes` the file moves to `<path>.1`
 * (replacing the previous one), so local telemetry never fills a disk. Writes are serialized.
 */
export class JsonlFile {
  readonly #path: string;
  readonly #maxBytes: number;
  #size: number | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(path: string, maxBytes: number) {
    this.#path = path;
    this.#maxBytes = maxBytes;
  }

  append(records: unknown[]): Promise<void> {
    if (records.length === 0) return this.#queue;
    const text = records.map((record) => JSON.stringify(record)).join("\n") + "\n";
    this.#queue = this.#queue.then(() => this.#write(text));
    return this.#queue;
  }

  async #write(text: string): Promise<void> {
    if (this.#size === undefined) {
      await mkdir(dirname(this.#path), { recursive: true });
      this.#size = await stat(this.#path).then(
        (s) => s.size,
        () => 0,
      );
    }
    if (this.#size > 0 && this.#size + text.length > this.#maxBytes) {
      await rename(this.#path, `${this.#path}.1`);
      this.#size = 0;
    }
    await appendFile(this.#path, text);
    this.#size += Buffer.byteLength(text);
  }
}
