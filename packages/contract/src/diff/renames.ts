/**
 * Pairs each removed name with an added one whose definition is the same, so a rename reads as a
 * rename instead of a removal plus an addition. It is still breaking: clients use the old name.
 */
export function pairRenames(removed: string[], added: string[], same: (removed: string, added: string) => boolean): Map<string, string> {
  const pairs = new Map<string, string>();
  const free = new Set(added);
  for (const name of removed) {
    const match = [...free].find((candidate) => same(name, candidate));
    if (match === undefined) continue;
    pairs.set(name, match);
    free.delete(match);
  }
  return pairs;
}
