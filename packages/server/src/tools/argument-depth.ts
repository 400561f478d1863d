/**
 * How deep tool arguments may nest. Validators, hashes and serializers walk arguments
 * recursively: a few thousand levels would overflow the stack in one of them, so a call nested
 * deeper is refused before any of them sees it.
 */
export const MAX_ARGUMENT_DEPTH = 64;

/** Whether `value` nests objects or arrays deeper than `max` levels (walked without recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
