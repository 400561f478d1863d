/** Everything measured of one contender over all rounds. */
export interface Measurements {
  label: string;
  reqPerSecond: Record<number, number[]>;
  p50Ms: Record<number, number[]>;
  p99Ms: Record<number, number[]>;
  cpuMicrosPerCall: Record<number, number[]>;
  coldStartMs: number[];
  peakRssMiB: number[];
  errors: number;
}

export function emptyMeasurements(label: string, concurrencies: number[]): Measurements {
  const perConcurrency = () => Object.fromEntries(concurrencies.map((c) => [c, [] as number[]]));
  return {
    label,
    reqPerSecond: perConcurrency(),
    p50Ms: perConcurrency(),
    p99Ms: perConcurrency(),
    cpuMicrosPerCall: perConcurrency(),
    coldStartMs: [],
    peakRssMiB: [],
    errors: 0,
  };
}
