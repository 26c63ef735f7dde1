import { defineConfig } from 'vitest/config';

/** Options of {@link unitTestConfig}. */
export interface UnitTestConfigOptions {
  /** Setup files run before each test file. */
  setupFiles?: string[];
  /** Minimum coverage in percent for lines, branches, functions and statements. */
  coverageThreshold: number;
  /** Source files left out of coverage (entry barrels, bins). */
  coverageExclude?: string[];
}

/**
 * Vitest configuration shared by the packages: tests beside the source, v8 coverage with enforced thresholds.
 *
 * @param options The package's setup files and coverage threshold.
 * @returns The vitest configuration.
 */
export function unitTestConfig(options: UnitTestConfigOptions) {
  const threshold = options.coverageThreshold;
  return defineConfig({
    define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: options.setupFiles ?? [],
      environment: 'node',
      pool: 'threads',
      // Our own suites allow no request that no handler answers, to Cal.com or anywhere else.
      provide: { calComTestkit: { otherRequests: 'error' } },
      testTimeout: 15_000,
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'src/**/index.ts', ...(options.coverageExclude ?? [])],
        reporter: ['text-summary', 'json-summary', 'html'],
        thresholds: { lines: threshold, branches: threshold, functions: threshold, statements: threshold },
      },
    },
  });
}
