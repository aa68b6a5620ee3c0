// Small statistics for the benchmark: repeated samples, median/min/max, and ratios of medians (never absolute limits).
export interface Samples {
  label: string;
  ms: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summary(samples: Samples): string {
  const { ms } = samples;
  return `${fmt(median(ms))} ms (min ${fmt(Math.min(...ms))}, max ${fmt(Math.max(...ms))}, n=${ms.length})`;
}

/** How many times slower `slow` is than `fast`, by medians. */
export function ratio(slow: Samples, fast: Samples): number {
  return median(slow.ms) / Math.max(median(fast.ms), 0.001);
}

export function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Runs `step` `runs` times after `warmup` unrecorded runs; each call returns its own measured milliseconds. */
export async function repeat(label: string, runs: number, step: () => Promise<number>, warmup = 1): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await step();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await step());
  return { label, ms };
}
