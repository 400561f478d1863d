import type { CatalogServer } from "./catalog.js";
import { codeownersHandle } from "./codeowners-match.js";

const BEGIN = "# BEGIN mcp-platform servers (written by `pnpm catalog` from each server's owner; edit the owner in its src/server.ts)";
const END = "# END mcp-platform servers";

/**
 * CODEOWNERS with its servers block rewritten from the catalog; every line outside the block is
 * kept. Each server's directory goes to its owner; with `securityReviewers`, its contract goes to
 * the owner and them, so that a change to what the server may do asks for their review.
 */
export function updateCodeowners(
  existing: string | undefined,
  catalog: { servers: readonly Pick<CatalogServer, "path" | "owner">[] },
  securityReviewers?: string,
): string {
  const lines = catalog.servers.flatMap((server) => {
    const owner = codeownersHandle(server.owner);
    const contract = securityReviewers ? [`/${server.path}/mcp-contract.json ${owner} ${codeownersHandle(securityReviewers)}`] : [];
    return [`/${server.path}/ ${owner}`, ...contract];
  });
  const block = [BEGIN, ...lines, END].join("\n");
  const text = existing ?? "";
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start);
  if (start !== -1 && end !== -1) return `${text.slice(0, start)}${block}${text.slice(end + END.length)}`;
  return `${text}${text && !text.endsWith("\n") ? "\n" : ""}${text ? "\n" : ""}${block}\n`;
}
