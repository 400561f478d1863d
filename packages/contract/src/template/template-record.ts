import { z } from "zod";

/** Beside `package.json` in a generated server: what `pnpm gen upgrade` needs to bring it forward. */
export const TEMPLATE_RECORD_FILE = "mcp-template.json";

const templateRecord = z.object({
  /**
   * The git tree id of the kit's `templates/` the server was rendered from: a content hash that
   * also finds those exact template files again in the repository's history.
   */
  template: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "a git tree id (40 or 64 hex digits)"),
  /** The answers of `pnpm gen server`, so the old and the new template render the same server. */
  answers: z.record(z.string(), z.string()),
});

export type TemplateRecord = z.output<typeof templateRecord>;

/** Reads a server's template record; the error names the file and what is wrong with it. */
export function parseTemplateRecord(text: string, path: string): TemplateRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = templateRecord.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

export function formatTemplateRecord(record: TemplateRecord): string {
  return `${JSON.stringify({ template: record.template, answers: record.answers }, null, 2)}\n`;
}
