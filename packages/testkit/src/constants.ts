/** Base URL of Cal.com API v2; the msw handlers intercept it by default. */
export const DEFAULT_BASE_URL = 'https://api.cal.com/v2';

/**
 * The fixed "now" of the simulator in `@calcom-int/testkit/vitest`: Monday 2026-06-01 06:00 UTC (08:00 in
 * Europe/Berlin, the seeded user's zone). The simulator places its seed data relative to it, so tests see the same
 * calendar on every date. Give the client under test the same clock (`TEST_CLIENT_OPTIONS.now`).
 */
export const TEST_NOW = Date.parse('2026-06-01T06:00:00.000Z');

/** The origins of Cal.com's hosted API (US and EU). A test must never reach them. */
export const CAL_COM_API_ORIGINS: readonly string[] = ['https://api.cal.com', 'https://api.cal.eu'];
