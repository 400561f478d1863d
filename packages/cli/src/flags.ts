/** A flag that must be a whole number in a range: its value, or an error naming the flag and the range. */
export function integerFlag(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return number;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A flag that is a length of time such as `30d`, `12h`, `90m` or `45s`: its value in seconds. */
export function durationFlag(name: string, value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  const seconds = match ? Number(match[1]) * DURATION_UNITS[match[2]!]! : 0;
  if (seconds <= 0) throw new Error(`--${name} must be a length of time such as 30d, 12h, 90m or 45s (got "${value}")`);
  return seconds;
}
