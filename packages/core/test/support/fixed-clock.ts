import { TEST_NOW, useSimulator } from '@calcom-int/testkit/vitest';
import type { CalComClient } from '../../src/client';
import type { CalComClientOptions } from '../../src/client-options';
import { createTestClient } from './test-client';

/** The fixed test time: Monday 2026-06-01, 08:00 in Europe/Berlin (Ada's zone); testkit's `TEST_NOW`. */
export { TEST_NOW };

/**
 * Replaces the simulator with one at {@link TEST_NOW} (seed data placed relative to it, no rate limit) and creates a
 * client on the same clock.
 *
 * @param seed Extra generated seed data.
 * @param options Extra client options.
 * @returns The client.
 */
export function clientAtFixedTime(
  seed: { bookings?: number; eventTypes?: number } = {},
  options: CalComClientOptions = {},
): CalComClient {
  useSimulator({ seed, rateLimit: { enabled: false } });
  return createTestClient(options);
}
