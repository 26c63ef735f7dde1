import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEFAULT_BASE_URL } from './constants';
import { createCalComHandlers } from './msw/handlers';
import { createCalComSimulator } from './simulator/create-simulator';
import { DEFAULT_API_KEY } from './simulator/seed';
import type { CalComSimulator, SimulatorOptions } from './simulator/types';

/** API key the simulator accepts in tests. */
export const TEST_API_KEY = DEFAULT_API_KEY;

/** Base URL the test server intercepts. */
export const TEST_BASE_URL = DEFAULT_BASE_URL;

let current: CalComSimulator = createCalComSimulator();

/** The msw server of the test run (`onUnhandledRequest: 'error'`); add per-test handlers with `server.use()`. */
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
 * Replaces the simulator for the current test, e.g. with a fixed clock or rate limit.
 *
 * @param options The simulator options.
 * @returns The new simulator.
 */
export function useSimulator(options: SimulatorOptions = {}): CalComSimulator {
  current = createCalComSimulator(options);
  return current;
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  server.resetHandlers();
  current = createCalComSimulator();
});

afterAll(() => {
  server.close();
});
