/** Latency statistics in milliseconds. */
export interface LatencyStats {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * Summarises latency samples.
 *
 * @param samples The samples in milliseconds.
 * @returns The count, median, 95th percentile and maximum.
 */
export function latencyStats(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * @param values The numbers.
 * @returns The median, or 0 for none.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Times an async call.
 *
 * @param run The call.
 * @returns The elapsed milliseconds.
 */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Forces a garbage collection when the process runs with `--expose-gc`, then reads the heap in use.
 *
 * @returns The heap used in bytes.
 */
export function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}
