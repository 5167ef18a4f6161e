// One timed batch: each Response of the batch through one side, CPU and wall time over the batch.

/** Figures of one batch. */
export interface Sample {
  readonly cpuMsPerOp: number;
  readonly opsPerSecond: number;
}

/** Runs `fn` on each item in turn (awaited), and returns CPU ms per call and calls per wall second. */
export async function timeBatch<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (const item of items) await fn(item);
  const elapsed = performance.now() - wall;
  const used = process.cpuUsage(cpu);
  return { cpuMsPerOp: (used.user + used.system) / 1000 / items.length, opsPerSecond: (items.length * 1000) / elapsed };
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return (sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2) ?? Number.NaN;
}
