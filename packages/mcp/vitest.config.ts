import { defineConfig } from 'vitest/config';

/** The bin's tests drive the BUILT `dist/bin/calcom-mcp.js` as a child process over stdio. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['@calcom-int/testkit/vitest'],
    environment: 'node',
    pool: 'threads',
    provide: { calComTestkit: { otherRequests: 'error' } },
    testTimeout: 15_000,
  },
});
