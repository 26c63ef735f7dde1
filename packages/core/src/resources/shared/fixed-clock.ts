import { useSimulator } from '@calcom-int/testkit/vitest';
import type { CalComClient } from '../../client';
import type { CalComClientOptions } from '../../client-options';
import { createTestClient } from './test-client';

/** The fixed test time: Monday 2026-06-01, 08:00 in Europe/Berlin (Ada's zone). */
export const TEST_NOW = Date.parse('2026-06-01T06:00:00.000Z');

/**
 * Replaces the simulator with one at {@link TEST_NOW} (seed data placed relative to it) and creates a client with the
 * same clock.
 *
 * @param seed Extra generated seed data.
 * @param options Extra client options.
 * @returns The client.
 */
export function clientAtFixedTime(
  seed: { bookings?: number; eventTypes?: number } = {},
  options: CalComClientOptions = {},
): CalComClient {
  useSimulator({ now: () => new Date(TEST_NOW), seed, rateLimit: { enabled: false } });
  return createTestClient(options, { now: () => TEST_NOW });
}
