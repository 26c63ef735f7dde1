import { defineConfig } from 'vitest/config';

// Stryker runs the tests from a sandbox copy of this package (.stryker-tmp/sandbox-*), where the shared
// ../../tooling/vitest.shared does not resolve; this is the same test setup without coverage.
export default defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['@calcom-int/testkit/vitest'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 15_000,
    provide: { calComTestkit: { otherRequests: 'error' } },
  },
});
