import type { Bump } from "@mcp-platform/contract";

/** A changeset file as `pnpm changeset` writes it. */
export function changeset(packageName: string, bump: Exclude<Bump, "none">, summary: string): string {
  return `---\n${JSON.stringify(packageName)}: ${bump}\n---\n\n${summary}\n`;
}
