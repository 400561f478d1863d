/** Remembers who was already told, so each caller's use of a deprecated tool is logged once. */
export class DeprecationLog {
  readonly #seen = new Set<string>();

  firstUse(tool: string, subject: string): boolean {
    const key = `${tool}\u0000${subject}`;
    if (this.#seen.has(key)) return false;
    if (this.#seen.size > 10_000) this.#seen.clear();
    this.#seen.add(key);
    return true;
  }
}
