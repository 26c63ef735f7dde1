import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/simulator/routes';
import { SECOND_API_KEY } from '../../src/simulator/seed';
import {
  type ContractExchange,
  createContractHarness,
  ROUTE_GROUPS,
  routeKey,
  VERSIONS,
  validator,
} from './simulator-harness';

/** The parts of an error exchange the tests pin. */
function errorOf(exchange: ContractExchange) {
  const error = (exchange.body as { error?: { code?: string; message?: string } }).error;
  return {
    status: exchange.status,
    code: error?.code,
    message: error?.message,
    responseErrors: exchange.response.errors,
  };
}

describe('every simulator route has contract cases', () => {
  it('each route of ROUTES falls into exactly one resource group, whose test file proves all of its routes', () => {
    const groups = Object.entries(ROUTE_GROUPS);
    const unassigned = ROUTES.filter((route) => groups.filter(([, belongs]) => belongs(route)).length !== 1);
    expect(unassigned.map(routeKey)).toEqual([]);
    expect(ROUTES.length).toBeGreaterThanOrEqual(36);
  });

  it('each route resolves to a documented operation that takes the cal-api-version the simulator accepts first', () => {
    const mismatched = ROUTES.filter((route) => {
      const path = route.pattern.replace(/:(\w+)/g, (_match, name: string) => (/Id$/.test(name) ? '1' : 'x'));
      if (validator.findOperation(route.method, path) === undefined) return true;
      const version = route.versions?.[0];
      const headers = version === undefined ? {} : { 'cal-api-version': version };
      const { errors } = validator.validateRequest({ method: route.method, path, headers });
      return errors.some((error) => error.includes('cal-api-version'));
    });
    expect(mismatched.map(routeKey)).toEqual([]);
  });
});

describe('simulator error responses against the contract (docs/CALCOM-API.md §4.2 envelope)', () => {
  it('401 without a key on an authenticated route', async () => {
    const harness = createContractHarness();
    const exchange = await harness.send({ method: 'GET', path: '/v2/me', key: null });
    expect(exchange.request.errors).toEqual(['header Authorization is required by MeController_getMe']);
    expect(errorOf(exchange)).toEqual({
      status: 401,
      code: 'UnauthorizedException',
      message:
        'ApiAuthStrategy - No authentication method provided. Either provide an api key, an OAuth access token, or OAuth client ID and secret',
      responseErrors: [],
    });
  });

  it('401 with an unknown API key', async () => {
    const harness = createContractHarness();
    const exchange = await harness.send({
      method: 'GET',
      path: '/v2/bookings',
      version: VERSIONS.bookings,
      key: 'cal_not_a_known_key',
    });
    expect(exchange.request.errors).toEqual([]);
    expect(errorOf(exchange)).toEqual({
      status: 401,
      code: 'UnauthorizedException',
      message: 'ApiAuthStrategy - api key - Your api key is not valid',
      responseErrors: [],
    });
  });

  it('404 for an unknown booking uid', async () => {
    const harness = createContractHarness();
    const exchange = await harness.send({
      method: 'GET',
      path: '/v2/bookings/no-such-uid',
      version: VERSIONS.bookings,
    });
    expect(exchange.request.errors).toEqual([]);
    expect(errorOf(exchange)).toEqual({
      status: 404,
      code: 'NotFoundException',
      message: 'Booking with uid=no-such-uid not found',
      responseErrors: [],
    });
  });

  it('404 `Cannot GET` for the wrong cal-api-version (legacy controller) and for none', async () => {
    const harness = createContractHarness();
    const wrong = await harness.send({ method: 'GET', path: '/v2/bookings', version: '2024-04-15' });
    expect(wrong.request.errors).toEqual([
      'header cal-api-version is "2024-04-15" but BookingsController_2024_08_13_getBookings needs "2024-08-13" or "2026-02-25" (another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
    ]);
    expect(errorOf(wrong)).toEqual({
      status: 404,
      code: 'NotFoundException',
      message: 'Cannot GET /v2/bookings',
      responseErrors: [],
    });
    const missing = await harness.send({ method: 'GET', path: '/v2/event-types/3002' });
    expect(missing.request.valid).toBe(false);
    expect(errorOf(missing)).toEqual({
      status: 404,
      code: 'NotFoundException',
      message: 'Cannot GET /v2/event-types/3002',
      responseErrors: [],
    });
  });

  it('400 validation error for a booking without attendee (the request violates the contract too)', async () => {
    const harness = createContractHarness();
    const exchange = await harness.send({
      method: 'POST',
      path: '/v2/bookings',
      version: VERSIONS.bookings,
      body: { start: '2030-09-04T11:00:00.000Z', eventTypeId: 3002 },
    });
    expect(exchange.request.valid).toBe(false);
    expect(exchange.request.errors).toContain("request body must have required property 'attendee'");
    expect(errorOf(exchange)).toEqual({
      status: 400,
      code: 'BadRequestException',
      message: 'Bad Request Exception',
      responseErrors: [],
    });
  });

  it('400 when the slot is taken, for a request that matches the contract', async () => {
    const harness = createContractHarness();
    const exchange = await harness.send({
      method: 'POST',
      path: '/v2/bookings',
      version: VERSIONS.bookings,
      body: {
        start: '2030-09-03T08:00:00.000Z',
        eventTypeId: 3002,
        attendee: { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London' },
      },
    });
    expect(exchange.request.errors).toEqual([]);
    expect(errorOf(exchange)).toEqual({
      status: 400,
      code: 'BadRequestException',
      message: 'User either already has booking at this time or is not available',
      responseErrors: [],
    });
  });

  it('403 for a team the user does not belong to, 409 for a duplicate slug, 422 for an unavailable reservation', async () => {
    const harness = createContractHarness();
    const forbidden = await harness.send({ method: 'GET', path: '/v2/teams/5002' });
    expect(forbidden.request.errors).toEqual([]);
    expect(errorOf(forbidden)).toMatchObject({ status: 403, code: 'ForbiddenException', responseErrors: [] });
    const conflict = await harness.send({
      method: 'POST',
      path: '/v2/event-types',
      version: VERSIONS.eventTypes,
      body: { lengthInMinutes: 30, title: 'Again', slug: 'thirty-minutes' },
    });
    expect(conflict.request.errors).toEqual([]);
    expect(errorOf(conflict)).toMatchObject({ status: 409, code: 'ConflictException', responseErrors: [] });
    const unprocessable = await harness.send({
      method: 'POST',
      path: '/v2/slots/reservations',
      version: VERSIONS.slots,
      key: SECOND_API_KEY,
      body: { eventTypeId: 3002, slotStart: '2030-09-03T08:00:00.000Z' },
    });
    expect(unprocessable.request.errors).toEqual([]);
    expect(errorOf(unprocessable)).toEqual({
      status: 422,
      code: 'UnprocessableEntityException',
      message: "Can't reserve a slot that is not available.",
      responseErrors: [],
    });
  });

  it('429 ThrottlerException once the per-key limit is used up', async () => {
    const harness = createContractHarness({ rateLimit: { limit: 2, ttlMs: 60_000, blockMs: 60_000 } });
    const first = await harness.send({ method: 'GET', path: '/v2/me' });
    expect(first.headers.get('x-ratelimit-remaining-default')).toBe('1');
    await harness.send({ method: 'GET', path: '/v2/me' });
    const limited = await harness.send({ method: 'GET', path: '/v2/me' });
    expect(limited.request.errors).toEqual([]);
    expect(errorOf(limited)).toMatchObject({ status: 429, code: 'ThrottlerException', responseErrors: [] });
  });
});
