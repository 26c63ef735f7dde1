import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { CAL_COM_API_ORIGINS, DEFAULT_BASE_URL, TEST_NOW } from './constants';
import { createCalComHandlers } from './msw/handlers';
import { createCalComSimulator } from './simulator/create-simulator';
import { DEFAULT_API_KEY } from './simulator/seed';
import type { CalComSimulator, SimulatorOptions } from './simulator/types';
import { type OtherRequests, unhandledRequestStrategy } from './vitest/unhandled-requests';

export { TEST_NOW } from './constants';
export type { OtherRequests } from './vitest/unhandled-requests';

/** What a suite may set for this setup file, through vitest's `test.provide.calComTestkit`. */
export interface CalComTestkitSettings {
  /**
   * What happens to a request that no handler answers and that does not go to Cal.com: `'warn'` (default, as msw),
   * `'bypass'` (send it for real, quietly) or `'error'`. A request to Cal.com's API that the simulator does not
   * answer is always an error: a test never reaches the real Cal.com.
   */
  readonly otherRequests?: OtherRequests;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Settings of `@calcom-int/testkit/vitest`. */
    calComTestkit?: CalComTestkitSettings;
  }
}

/** API key the simulator accepts in tests. */
export const TEST_API_KEY = DEFAULT_API_KEY;

/** Base URL the test server intercepts. */
export const TEST_BASE_URL = DEFAULT_BASE_URL;

/**
 * Creates a simulator on the fixed test clock ({@link TEST_NOW}) unless the options bring their own clock.
 *
 * @param options The simulator options.
 * @returns The simulator.
 */
function createTestSimulator(options: SimulatorOptions = {}): CalComSimulator {
  return createCalComSimulator({ now: () => new Date(TEST_NOW), ...options });
}

let current: CalComSimulator = createTestSimulator();

/**
 * Options for a `CalComClient` (`@calcom-int/core`) that talks to the test simulator: its key, its base URL and its
 * clock. `now` always reads the clock of the simulator in use (also after {@link useSimulator}), so the client's
 * "is this start in the past?" agrees with the simulator on every date.
 *
 * @example
 * ```ts
 * const client = new CalComClient({ ...TEST_CLIENT_OPTIONS, maxRetries: 0 });
 * ```
 */
export const TEST_CLIENT_OPTIONS: {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly now: () => Date;
} = Object.freeze({ apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL, now: () => current.now() });

/** The msw server of the test run; add per-test handlers with `server.use()`. */
export const server = setupServer(
  ...createCalComHandlers({
    handle: (request) => current.handle(request),
    get faults() {
      return current.faults;
    },
    get state() {
      return current.state;
    },
    get requests() {
      return current.requests;
    },
    now: () => current.now(),
    reset: () => current.reset(),
    get oauth() {
      return current.oauth;
    },
  }),
);

/**
 * Returns the simulator behind the test server (a fresh one in every test).
 *
 * @returns The current simulator.
 */
export function simulator(): CalComSimulator {
  return current;
}

/**
 * Replaces the simulator for the current test, e.g. with another clock, seed or rate limit. Without `now` it runs
 * on the fixed test clock ({@link TEST_NOW}).
 *
 * @param options The simulator options.
 * @returns The new simulator.
 */
export function useSimulator(options: SimulatorOptions = {}): CalComSimulator {
  current = createTestSimulator(options);
  return current;
}

beforeAll(() => {
  server.listen({
    onUnhandledRequest: unhandledRequestStrategy(CAL_COM_API_ORIGINS, inject('calComTestkit')?.otherRequests),
  });
});

afterEach(() => {
  server.resetHandlers();
  current = createTestSimulator();
});

afterAll(() => {
  server.close();
});
