import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Where test workers drop their timing samples and the target description for the report. */
const runDirectory = join(import.meta.dirname, '.run');

export default defineConfig({
  test: {
    name: 'integration',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Forks, so the memory check can call `global.gc()`; one file at a time keeps the rate-limit budget of a real
    // account and the two shared CPU cores out of each other's way.
    pool: 'forks',
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    passWithNoTests: false,
    allowOnly: false,
    tags: [{ name: 'integration', description: 'Runs through real sockets against the simulator or Cal.com.' }],
    setupFiles: ['src/support/setup.ts'],
    provide: { runDirectory },
    reporters: ['default', join(import.meta.dirname, 'src/report/report-reporter.ts')],
  },
});
