import type { TimingSample } from '../support/timings';

/** Latency figures of one operation. */
export interface OperationStats {
  /** The operation name. */
  operation: string;
  /** Number of calls. */
  count: number;
  /** Number of calls that threw. */
  failures: number;
  /** Median duration in ms. */
  p50: number;
  /** 95th percentile duration in ms. */
  p95: number;
  /** Slowest call in ms. */
  max: number;
}

/**
 * Returns the nearest-rank percentile of sorted values.
 *
 * @param sorted Durations sorted ascending (at least one).
 * @param percent The percentile, 0–100.
 * @returns The value at that rank.
 */
export function percentile(sorted: readonly number[], percent: number): number {
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/**
 * Groups samples by operation and computes p50, p95 and max for each, sorted by operation name.
 *
 * @param samples The recorded samples.
 * @returns One row per operation.
 */
export function summarizeTimings(samples: readonly TimingSample[]): OperationStats[] {
  const byOperation = new Map<string, TimingSample[]>();
  for (const sample of samples) {
    const list = byOperation.get(sample.operation) ?? [];
    list.push(sample);
    byOperation.set(sample.operation, list);
  }
  return [...byOperation.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([operation, list]) => {
      const sorted = list.map((sample) => sample.durationMs).sort((left, right) => left - right);
      return {
        operation,
        count: list.length,
        failures: list.filter((sample) => !sample.ok).length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted.at(-1) ?? 0,
      };
    });
}
