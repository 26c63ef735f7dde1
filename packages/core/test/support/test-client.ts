import { createContractValidator, loadCalComSpec } from '@calcom-int/testkit/contract';
import { simulator, TEST_CLIENT_OPTIONS } from '@calcom-int/testkit/vitest';
import { afterEach, expect } from 'vitest';
import { CalComClient, type CalComClientDependencies } from '../../src/client';
import type { CalComClientOptions } from '../../src/client-options';

/**
 * Creates a client against the test simulator (msw intercepts the default base URL), on the simulator's clock.
 *
 * @param options Extra client options.
 * @param dependencies Test seams (executor).
 * @returns The client.
 */
export function createTestClient(
  options: CalComClientOptions = {},
  dependencies: CalComClientDependencies = {},
): CalComClient {
  return new CalComClient({ ...TEST_CLIENT_OPTIONS, circuitBreaker: false, ...options }, dependencies);
}

/** A request as the tests assert it. */
export interface SentRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The path, e.g. `/v2/bookings`. */
  readonly path: string;
  /** The query parameters. */
  readonly query: Record<string, string>;
  /** The `cal-api-version` header, if sent. */
  readonly version: string | undefined;
  /** The parsed JSON body, if any. */
  readonly body: unknown;
}

/**
 * Lists the requests the simulator received, in order.
 *
 * @returns The requests.
 */
export function sentRequests(): SentRequest[] {
  return simulator().requests.map((request) => ({
    method: request.method,
    path: request.path,
    query: request.query,
    version: request.headers['cal-api-version'],
    body: request.body,
  }));
}

const contract = createContractValidator(loadCalComSpec());

/**
 * Checks every request the client sent in a test against the official OpenAPI document (with testkit's
 * `CALCOM_SPEC_EXCEPTIONS` applied; no error is allowlisted here).
 *
 * @returns The failures, one line per invalid request.
 */
export function contractFailures(): string[] {
  return simulator().requests.flatMap((request) => {
    const result = contract.validateRequest({
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
    });
    return result.valid ? [] : [`${request.method} ${request.path}: ${result.errors.join('; ')}`];
  });
}

// Check every request of every test that uses this helper against the OpenAPI document.
afterEach(() => {
  const failures = contractFailures();
  // Reset here too: a failing hook must not leak this test's requests into the next one.
  simulator().reset();
  expect(failures).toEqual([]);
});
