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

/**
 * Counts the TCP sockets this process holds open (client and server ends alike), from Node's active resources.
 *
 * @returns The number of open TCP socket handles.
 */
export function openTcpSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}
