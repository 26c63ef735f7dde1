import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { isLoopback, readLiveSettings } from './src/support/environment';

/** Where test workers drop their timing samples and the target description for the report. */
const runDirectory = join(import.meta.dirname, '.run');

/**
 * Where the report goes: the committed `TEST_REPORT_cal_com.md` only when asked for (`pnpm report` sets
 * `CALCOM_WRITE_REPORT=1`); every other run writes it into the ignored run folder, so tests leave the work tree clean.
 */
const reportPath =
  process.env.CALCOM_WRITE_REPORT === '1'
    ? join(import.meta.dirname, 'TEST_REPORT_cal_com.md')
    : join(runDirectory, 'TEST_REPORT_cal_com.md');

const settings = readLiveSettings();
/**
 * 30 s per test and hook; against real Cal.com 90 s, because the client may wait out the 60 s rate-limit window
 * (120 requests per minute per key) instead of sending into a 429.
 */
const timeout =
  settings.apiKey !== undefined && (settings.baseUrl === undefined || !isLoopback(settings.baseUrl)) ? 90_000 : 30_000;

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
    testTimeout: timeout,
    hookTimeout: timeout,
    passWithNoTests: false,
    allowOnly: false,
    tags: [{ name: 'integration', description: 'Runs through real sockets against the simulator or Cal.com.' }],
    setupFiles: ['src/support/setup.ts'],
    provide: { runDirectory },
    reporters: ['default', [join(import.meta.dirname, 'src/report/report-reporter.ts'), { reportPath }]],
  },
});
