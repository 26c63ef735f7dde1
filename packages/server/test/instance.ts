// One server instance of the scale-out suite, run as a child process (`node --import tsx test/instance.ts`): the
// server configured from the environment, against the simulator at SIM_URL, on the simulator's clock (SIM_NOW at
// spawn, advanced by this process's monotonic clock).
(globalThis as Record<string, unknown>).__PACKAGE_VERSION__ = '0.0.0-test';
const { startFromEnvironment } = await import('../src/config');
const simulatorNow = Number(process.env.SIM_NOW);
const started = performance.now();
const running = await startFromEnvironment(process.env, {
  clientOptions: {
    baseUrl: process.env.SIM_URL ?? '',
    now: () => new Date(simulatorNow + (performance.now() - started)),
  },
});
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
