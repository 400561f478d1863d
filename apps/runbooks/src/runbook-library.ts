import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Runbook {
  slug: string;
  title: string;
  service: string;
  severity: string;
  tags: string[];
  summary: string;
  markdown: string;
}

/** The runbooks shipped with the server, read once at start (markdown files in `runbooks/`). */
export class RunbookLibrary {
  readonly #bySlug: Map<string, Runbook>;

  constructor(directory: string) {
    const files = readdirSync(directory).filter((file) => file.endsWith(".md"));
    this.#bySlug = new Map(
      files.map((file) => {
        const runbook = parseRunbook(file.slice(0, -3), readFileSync(join(directory, file), "utf8"));
        return [runbook.slug, runbook];
      }),
    );
  }

  get slugs(): string[] {
    return [...this.#bySlug.keys()].sort();
  }

  get(slug: string): Runbook | undefined {
    return this.#bySlug.get(slug);
  }

  /** Ranks runbooks by how many query terms their title, tags and text contain (title counts most). */
  search(query: string, limit: number): Runbook[] {
    const terms = query
      .toLowerCase()
      .split(/\W+/)
      .filter((term) => term.length > 1);
    const scored = [...this.#bySlug.values()].map((runbook) => ({ runbook, score: score(runbook, terms) }));
    return scored
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.runbook.slug.localeCompare(b.runbook.slug))
      .slice(0, limit)
      .map(({ runbook }) => runbook);
  }
}

function score(runbook: Runbook, terms: string[]): number {
  const title = runbook.title.toLowerCase();
  const tags = runbook.tags.join(" ");
  const body = runbook.markdown.toLowerCase();
  return terms.reduce((total, term) => total + (title.includes(term) ? 5 : 0) + (tags.includes(term) ? 3 : 0) + (body.includes(term) ? 1 : 0), 0);
}

function parseRunbook(slug: string, markdown: string): Runbook {
  const lines = markdown.split("\n");
  const title =
    lines
      .find((line) => line.startsWith("# "))
      ?.slice(2)
      .trim() ?? slug;
  const facts = Object.fromEntries(
    (lines.find((line) => line.startsWith("Service:")) ?? "")
      .split("·")
      .map((part) => part.split(":").map((s) => s.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2)
      .map(([key, value]) => [key.toLowerCase(), value]),
  );
  const summary = lines.find((line) => line.trim() && !line.startsWith("#") && !line.startsWith("Service:"))?.trim() ?? "";
  return {
    slug,
    title,
    service: facts.service ?? "unknown",
    severity: facts.severity ?? "unknown",
    tags: (facts.tags ?? "")
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    summary,
    markdown,
  };
}
