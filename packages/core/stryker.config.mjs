// Mutation testing of the decisions that prevent lost and doubled writes: retries, rate limits, the breaker,
// reconciliation, slot checks and redaction. `pnpm mutation` (at the repository root) runs it; the figures and the
// surviving mutants with why each is equivalent are in docs/RELIABILITY.md.
import { createRequire } from 'node:module';

// Under pnpm the runner plugin is not beside Stryker's own install, so it is named by its resolved path.
const require = createRequire(import.meta.url);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/internal/retry-policy.ts',
    'src/internal/rate-limiter.ts',
    'src/internal/circuit-breaker.ts',
    'src/internal/request-loop.ts',
    'src/internal/transport-failure.ts',
    'src/text/redact.ts',
    'src/resources/bookings/slot-check.ts',
    'src/resources/bookings/reconcile.ts',
  ],
  ignorePatterns: ['coverage', 'reports', '.turbo'],
  concurrency: 2,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
