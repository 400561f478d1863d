import type { Catalog } from "./catalog.js";

const BEGIN = "# BEGIN mcp-platform servers (written by `pnpm catalog` from each server's owner; edit the owner in its src/server.ts)";
const END = "# END mcp-platform servers";

/** CODEOWNERS with its servers block rewritten from the catalog; every line outside the block is kept. */
export function updateCodeowners(existing: string | undefined, catalog: Catalog): string {
  const lines = catalog.servers.map((server) => `/${server.path}/ ${server.owner.startsWith("@") ? server.owner : `@${server.owner}`}`);
  const block = [BEGIN, ...lines, END].join("\n");
  const text = existing ?? "";
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start);
  if (start !== -1 && end !== -1) return `${text.slice(0, start)}${block}${text.slice(end + END.length)}`;
  return `${text}${text && !text.endsWith("\n") ? "\n" : ""}${text ? "\n" : ""}${block}\n`;
}
