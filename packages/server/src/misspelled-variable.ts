/**
 * An `MCP_*` variable one or two keystrokes away from one the kit reads (one for a short name:
 * `MCP_PATH` is not a typo of `MCP_AUTH`). Left alone it would be ignored without a word, and a
 * typo in a kill switch or an allow-list fails open.
 */
export function misspelledVariable(env: NodeJS.ProcessEnv, known: readonly string[]): { name: string; meant: string } | undefined {
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith("MCP_") || known.includes(name)) continue;
    let closest: { meant: string; edits: number } | undefined;
    for (const candidate of known) {
      const edits = editDistance(name, candidate);
      if (edits <= mostEdits(candidate) && edits < (closest?.edits ?? Infinity)) closest = { meant: candidate, edits };
    }
    if (closest) return { name, meant: closest.meant };
  }
  return undefined;
}

function mostEdits(name: string): number {
  return name.length - "MCP_".length >= 8 ? 2 : 1;
}

/** Insertions, deletions, substitutions and swaps of neighbours, each one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
