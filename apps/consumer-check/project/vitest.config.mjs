import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['@calcom-int/testkit/vitest'],
    // This project's own HTTP calls (not Cal.com) go through; Cal.com's origins stay refused by the testkit.
    provide: { calComTestkit: { otherRequests: 'bypass' } },
  },
});
