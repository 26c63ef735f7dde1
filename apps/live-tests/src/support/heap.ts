/**
 * Collects garbage (the workers run with `--expose-gc`) and returns the heap in use.
 *
 * @returns `process.memoryUsage().heapUsed` after a full collection.
 */
export function settledHeapUsed(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) {
    throw new Error('global.gc is missing: run the live tests through their vitest config (execArgv --expose-gc).');
  }
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
