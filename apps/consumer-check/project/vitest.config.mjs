import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['@calcom-int/testkit/vitest'],
    // The bins start a Node process each; on a busy 2-core machine that can take seconds.
    testTimeout: 30_000,
    // This project's own HTTP calls (not Cal.com) go through; Cal.com's origins stay refused by the testkit.
    provide: { calComTestkit: { otherRequests: 'bypass' } },
  },
});
