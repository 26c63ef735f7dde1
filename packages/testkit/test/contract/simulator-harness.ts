import { expect } from 'vitest';
import type { ContractValidationResult } from '../../src/contract/index';
import { createContractValidator, loadCalComSpec } from '../../src/contract/index';
import type { Route } from '../../src/simulator/context';
import { createCalComSimulator } from '../../src/simulator/create-simulator';
import { matchRoute } from '../../src/simulator/router';
import { ROUTES } from '../../src/simulator/routes';
import { DEFAULT_API_KEY } from '../../src/simulator/seed';
import type { CalComSimulator, SimulatorOptions } from '../../src/simulator/types';

/** One validator for every contract test file (compiling the document's schemas once per file). */
export const validator = createContractValidator(loadCalComSpec());

/**
 * The simulator's clock in the contract tests: Monday 2030-09-02 08:00 in Berlin (the default user's zone), so the
 * seed bookings sit on Tuesday 09-03 (10:00 accepted, 14:00 pending), Wednesday 09-04 and Thursday 09-05.
 */
export const CONTRACT_NOW = new Date('2030-09-02T06:00:00.000Z');

/** The `cal-api-version` each versioned controller needs (docs/CALCOM-API.md §3.1). */
export const VERSIONS = {
  bookings: '2024-08-13',
  eventTypes: '2024-06-14',
  schedules: '2024-06-11',
  slots: '2024-09-04',
} as const;

/** A booking's attendees, guests, location, absences and calendar links: their own group (booking-people.contract.test.ts). */
const BOOKING_PEOPLE = /^\/v2\/bookings\/:bookingUid\/(attendees|guests|location|mark-absent|calendar-links)/;

/** Seated bookings by seat: their own group (recurring-seated.contract.test.ts). */
const BY_SEAT = /^\/v2\/bookings\/by-seat\//;

/** Reassigning a round-robin booking: its own group (team-bookings.contract.test.ts). */
const REASSIGN = /^\/v2\/bookings\/:bookingUid\/reassign/;

/**
 * The route groups, one per resource test file. Every route of `ROUTES` must fall into exactly one group (checked by
 * `simulator.contract.test.ts`), and each group's file proves every route of its group with a validated success.
 */
export const ROUTE_GROUPS = {
  me: (route: Route) => route.pattern === '/v2/me',
  eventTypes: (route: Route) =>
    route.pattern.startsWith('/v2/event-types') && !route.pattern.includes('/private-links'),
  privateLinks: (route: Route) => route.pattern.includes('/private-links'),
  slots: (route: Route) => route.pattern.startsWith('/v2/slots'),
  schedules: (route: Route) => route.pattern.startsWith('/v2/schedules'),
  bookings: (route: Route) =>
    route.pattern.startsWith('/v2/bookings') &&
    !BOOKING_PEOPLE.test(route.pattern) &&
    !REASSIGN.test(route.pattern) &&
    !BY_SEAT.test(route.pattern),
  /** Seated bookings by seat (recurring-seated.contract.test.ts). */
  bookingSeats: (route: Route) => BY_SEAT.test(route.pattern),
  /** Team bookings and reassignment (team-bookings.contract.test.ts). */
  teamBookings: (route: Route) => REASSIGN.test(route.pattern),
  bookingPeople: (route: Route) => BOOKING_PEOPLE.test(route.pattern),
  conferencing: (route: Route) => route.pattern.startsWith('/v2/conferencing'),
  teams: (route: Route) => route.pattern.startsWith('/v2/teams'),
  webhooks: (route: Route) => route.pattern.startsWith('/v2/webhooks'),
  calendars: (route: Route) => route.pattern.startsWith('/v2/calendars'),
  routingForms: (route: Route) => route.pattern.startsWith('/v2/routing-forms'),
  oauth: (route: Route) => route.pattern.startsWith('/v2/auth/oauth2'),
} as const satisfies Record<string, (route: Route) => boolean>;

/** A route's key as the coverage checks name it, e.g. `POST /v2/bookings/:bookingUid/cancel`. */
export function routeKey(route: Route): string {
  return `${route.method} ${route.pattern}`;
}

/** A request as a real client sends it. */
export interface ContractRequest {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path under the origin, starting with `/v2`, with its query string. */
  readonly path: string;
  /** The `cal-api-version` header; omitted when undefined. */
  readonly version?: string;
  /** The API key sent as `Authorization: Bearer <key>`; `null` sends none. Default `DEFAULT_API_KEY`. */
  readonly key?: string | null;
  /** The JSON body. */
  readonly body?: unknown;
}

/** What one exchange with the simulator produced. */
export interface ContractExchange {
  /** The request as validated. */
  readonly request: ContractValidationResult;
  /** The response as validated. */
  readonly response: ContractValidationResult;
  /** The HTTP status. */
  readonly status: number;
  /** The parsed JSON body (`undefined` for an empty body). */
  readonly body: unknown;
  /** The response headers. */
  readonly headers: Headers;
}

/** A simulator wired for contract tests, remembering which routes answered a success. */
export interface ContractHarness {
  /** The simulator. */
  readonly simulator: CalComSimulator;
  /**
   * Sends one request, validates it and the response against the contract, and returns both results.
   *
   * @param request The request.
   * @returns The validation results, status and parsed body.
   */
  send(request: ContractRequest): Promise<ContractExchange>;
  /**
   * Sends one request and expects both the request and the response to match the contract and the status.
   *
   * @param request The request.
   * @param status The expected status.
   * @returns The parsed response body.
   */
  expectValid(request: ContractRequest, status: number): Promise<unknown>;
  /** The keys of the routes that answered a contract-valid success so far. */
  readonly coveredRoutes: ReadonlySet<string>;
}

/**
 * Creates a simulator on the fixed contract clock and a harness around it.
 *
 * @param options Extra simulator options (the clock is fixed to {@link CONTRACT_NOW} unless given).
 * @returns The harness.
 */
export function createContractHarness(options: SimulatorOptions = {}): ContractHarness {
  const simulator = createCalComSimulator({ now: () => CONTRACT_NOW, ...options });
  const covered = new Set<string>();

  const send = async (request: ContractRequest): Promise<ContractExchange> => {
    const headers = new Headers();
    const key = request.key === undefined ? DEFAULT_API_KEY : request.key;
    if (key !== null) headers.set('authorization', `Bearer ${key}`);
    if (request.version !== undefined) headers.set('cal-api-version', request.version);
    const text = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (text !== undefined) headers.set('content-type', 'application/json');
    const url = new URL(request.path, 'https://api.cal.com');
    const result = await simulator.handle(
      new Request(url, { method: request.method, headers, ...(text === undefined ? {} : { body: text }) }),
    );
    if (!(result instanceof Response)) {
      throw new Error(`${request.method} ${request.path} produced a ${result.kind} fault instead of a response`);
    }
    const responseText = await result.text();
    const body: unknown = responseText === '' ? undefined : JSON.parse(responseText);
    const requestResult = validator.validateRequest({
      method: request.method,
      path: request.path,
      headers: Object.fromEntries(headers),
      body: request.body,
    });
    const responseResult = validator.validateResponse({
      method: request.method,
      path: request.path,
      status: result.status,
      body,
    });
    if (result.status < 400 && requestResult.valid && responseResult.valid) {
      const match = matchRoute(ROUTES, request.method, url.pathname, request.version ?? null);
      if (match !== undefined) covered.add(routeKey(match.route));
    }
    return { request: requestResult, response: responseResult, status: result.status, body, headers: result.headers };
  };

  return {
    simulator,
    send,
    async expectValid(request, status) {
      const exchange = await send(request);
      expect({ status: exchange.status, request: exchange.request.errors, response: exchange.response.errors }).toEqual(
        { status, request: [], response: [] },
      );
      return exchange.body;
    },
    coveredRoutes: covered,
  };
}

/**
 * Expects every route of one group to have answered a contract-valid success in the harness.
 *
 * @param harness The harness the group's tests used.
 * @param group The group.
 */
export function expectGroupCovered(harness: ContractHarness, group: keyof typeof ROUTE_GROUPS): void {
  const expected = ROUTES.filter(ROUTE_GROUPS[group]).map(routeKey);
  expect(expected.filter((key) => !harness.coveredRoutes.has(key))).toEqual([]);
}

/**
 * Reads `data` of a success envelope.
 *
 * @param body The parsed body.
 * @returns The `data` property.
 */
export function dataOf<T>(body: unknown): T {
  return (body as { data: T }).data;
}
