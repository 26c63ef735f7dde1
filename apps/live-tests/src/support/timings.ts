import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One timed call: the operation name, how long it took and whether it succeeded. */
export interface TimingSample {
  /** The operation, e.g. `getUser` or `tool:create_booking`. */
  operation: string;
  /** Wall-clock duration in milliseconds. */
  durationMs: number;
  /** Whether the call resolved (`true`) or threw (`false`). */
  ok: boolean;
}

/** What the run targeted, written once by the first file that selects a target. */
export interface TargetDescription {
  /** `simulator` or `calcom`. */
  kind: 'simulator' | 'calcom';
  /** The base URL called (never with credentials). */
  baseUrl: string;
  /** The account, for a real run (`name <email>`); the simulator's user otherwise. */
  account: string;
}

const samples: TimingSample[] = [];
let fileCounter = 0;

/**
 * Records one timed call for the performance report.
 *
 * @param sample The operation, its duration and outcome.
 */
export function recordTiming(sample: TimingSample): void {
  samples.push(sample);
}

/**
 * Times an async call and records it, whether it resolves or throws.
 *
 * @param operation The operation name for the report.
 * @param call The call to time.
 * @returns What the call returned.
 */
export async function timed<T>(operation: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await call();
    recordTiming({ operation, durationMs: performance.now() - started, ok: true });
    return result;
  } catch (error) {
    recordTiming({ operation, durationMs: performance.now() - started, ok: false });
    throw error;
  }
}

/**
 * Writes the samples recorded so far into the run folder (one file per flush) and forgets them.
 *
 * @param runDirectory The run folder the config provides.
 */
export function flushTimings(runDirectory: string): void {
  if (samples.length === 0) return;
  mkdirSync(runDirectory, { recursive: true });
  fileCounter += 1;
  const file = join(runDirectory, `timings-${process.pid}-${Date.now()}-${fileCounter}.json`);
  writeFileSync(file, JSON.stringify(samples.splice(0, samples.length)));
}

/**
 * Writes what the run targets, for the report.
 *
 * @param runDirectory The run folder the config provides.
 * @param target The target description.
 */
export function writeTargetDescription(runDirectory: string, target: TargetDescription): void {
  mkdirSync(runDirectory, { recursive: true });
  writeFileSync(join(runDirectory, 'target.json'), JSON.stringify(target));
}
