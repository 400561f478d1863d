/** A flag that must be a whole number in a range: its value, or an error naming the flag and the range. */
export function integerFlag(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return number;
}
