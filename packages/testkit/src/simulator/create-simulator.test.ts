import { describe, expect, it, vi } from 'vitest';
import { callSimulator } from '../../test/support/call-simulator';
import { createCalComSimulator } from './create-simulator';
import { DEFAULT_API_KEY, SECOND_API_KEY } from './seed';

const NOW = new Date('2026-03-25T06:00:00.000Z');
const fresh = () => createCalComSimulator({ now: () => NOW });

describe('auth', () => {
  it('accepts the default key as Bearer and returns the user without its key', async () => {
    const result = await callSimulator(fresh(), 'GET', '/v2/me');
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      status: 'success',
      data: {
        id: 1001,
        username: 'ada-lovelace',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        avatarUrl: null,
        bio: null,
        timeFormat: 24,
        defaultScheduleId: 2001,
        weekStart: 'Monday',
        timeZone: 'Europe/Berlin',
        organizationId: null,
      },
    });
    expect(result.text).not.toContain(DEFAULT_API_KEY);
    expect(DEFAULT_API_KEY.startsWith('cal_')).toBe(true);
    expect(/cal_(live|test)_[A-Za-z0-9]{16,}/.test(DEFAULT_API_KEY)).toBe(false);
  });

  it('authenticates the second user with its own key', async () => {
    const result = await callSimulator(fresh(), 'GET', '/v2/me', { key: SECOND_API_KEY });
    expect(result.json).toMatchObject({ data: { id: 1002, timeZone: 'America/New_York' } });
  });

  it.each([
    [
      'no header',
      { key: null },
      'ApiAuthStrategy - No authentication method provided. Either provide an api key, an OAuth access token, or OAuth client ID and secret',
    ],
    ['an unknown key', { key: 'cal_unknown_key' }, 'ApiAuthStrategy - api key - Your api key is not valid'],
    [
      'a key without Bearer',
      { authorization: DEFAULT_API_KEY },
      'ApiAuthStrategy - No authentication method provided. Either provide an api key, an OAuth access token, or OAuth client ID and secret',
    ],
    [
      'an unknown access token',
      { authorization: 'Bearer eyJhbGciOi' },
      'ApiAuthStrategy - access token - Invalid access token',
    ],
  ])('answers 401 for %s', async (_name, options, message) => {
    const result = await callSimulator(fresh(), 'GET', '/v2/me', options);
    expect(result.status).toBe(401);
    expect(result.headers.get('x-request-id')).toBe('00000000-0000-4000-8000-000000000001');
    expect(result.json).toEqual({
      status: 'error',
      timestamp: '2026-03-25T06:00:00.000Z',
      path: '/v2/me',
      error: { code: 'UnauthorizedException', message, details: { message, error: 'Unauthorized', statusCode: 401 } },
    });
  });

  it('rejects an invalid key on routes where auth is optional', async () => {
    const result = await callSimulator(fresh(), 'GET', '/v2/slots?eventTypeId=3002&start=2026-03-26&end=2026-03-26', {
      version: '2024-09-04',
      key: 'cal_nope',
    });
    expect(result.status).toBe(401);
  });
});

describe('version routing', () => {
  it.each([
    ['GET', '/v2/slots?eventTypeId=3002&start=2026-03-26&end=2026-03-26', '2024-09-04', '2024-08-13'],
    ['GET', '/v2/bookings', '2024-08-13', '2024-06-14'],
    ['GET', '/v2/event-types', '2024-06-14', '2024-06-11'],
    ['GET', '/v2/schedules', '2024-06-11', '2024-09-04'],
    ['POST', '/v2/slots/reservations', '2024-09-04', '2026-02-25'],
  ])('%s %s needs %s; missing or %s is the absent legacy route (404)', async (method, path, good, wrong) => {
    const simulator = fresh();
    const body = method === 'POST' ? {} : undefined;
    const withGood = await callSimulator(simulator, method, path, { version: good, body });
    expect(withGood.status).not.toBe(404);
    for (const version of [undefined, wrong, '"2024-08-13"']) {
      const result = await callSimulator(simulator, method, path, {
        ...(version === undefined ? {} : { version }),
        body,
      });
      expect(result.status).toBe(404);
      expect(result.json).toMatchObject({
        status: 'error',
        path,
        error: { code: 'NotFoundException', message: `Cannot ${method} ${path}` },
      });
    }
  });

  it.each(['/v2/me', '/v2/teams', '/v2/webhooks'])('%s accepts any version or none', async (path) => {
    const simulator = fresh();
    for (const version of [undefined, '2024-08-13', 'garbage']) {
      const result = await callSimulator(simulator, 'GET', path, version === undefined ? {} : { version });
      expect(result.status).toBe(200);
    }
  });

  it('answers unknown paths and methods like Nest', async () => {
    const simulator = fresh();
    const unknown = await callSimulator(simulator, 'GET', '/v2/nothing-here');
    expect(unknown.json).toMatchObject({
      error: { code: 'NotFoundException', message: 'Cannot GET /v2/nothing-here' },
    });
    const method = await callSimulator(simulator, 'DELETE', '/v2/me');
    expect(method.status).toBe(404);
  });
});

describe('requests, bodies and state', () => {
  it('logs each request with method, path, query, headers and body', async () => {
    const simulator = fresh();
    await callSimulator(simulator, 'PATCH', '/v2/me?x=1', { body: { name: 'Ada' } });
    expect(simulator.requests).toEqual([
      {
        method: 'PATCH',
        path: '/v2/me',
        query: { x: '1' },
        headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, 'content-type': 'application/json' },
        body: { name: 'Ada' },
      },
    ]);
  });

  it('answers 400 for a body that is not JSON and logs it raw', async () => {
    const simulator = fresh();
    const result = await callSimulator(simulator, 'PATCH', '/v2/me', { body: '{nope' });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      error: { code: 'BadRequestException', message: 'Request body is not valid JSON' },
    });
    expect(simulator.requests[0]?.body).toBe('{nope');
  });

  it('returns copies from state and restores the seed on reset', async () => {
    const simulator = fresh();
    const [first] = simulator.state.bookings;
    if (first !== undefined) first.status = 'rejected';
    expect(simulator.state.bookings[0]?.status).toBe('accepted');
    await callSimulator(simulator, 'DELETE', '/v2/webhooks/8001');
    simulator.faults.add({ fault: { type: 'reset' } });
    expect(simulator.state.webhooks).toEqual([]);
    simulator.reset();
    expect(simulator.state.webhooks).toHaveLength(1);
    expect(simulator.requests).toEqual([]);
    expect(simulator.faults.active).toEqual([]);
    expect(simulator.now()).toBe(NOW);
    const counts = {
      users: simulator.state.users.length,
      schedules: simulator.state.schedules.length,
      eventTypes: simulator.state.eventTypes.length,
      teamEventTypes: simulator.state.teamEventTypes.length,
      teams: simulator.state.teams.length,
      memberships: simulator.state.memberships.length,
      reservations: simulator.state.reservations.length,
    };
    expect(counts).toEqual({
      users: 2,
      schedules: 2,
      eventTypes: 8,
      teamEventTypes: 2,
      teams: 2,
      memberships: 3,
      reservations: 0,
    });
  });

  it('seeds deterministic extra data', () => {
    const first = createCalComSimulator({ now: () => NOW, seed: { bookings: 500, eventTypes: 20 } });
    const second = createCalComSimulator({ now: () => NOW, seed: { bookings: 500, eventTypes: 20 } });
    expect(first.state.bookings).toHaveLength(507);
    expect(first.state.eventTypes).toHaveLength(28);
    expect(first.state.bookings.map((booking) => booking.uid)).toEqual(
      second.state.bookings.map((booking) => booking.uid),
    );
    const other = createCalComSimulator({ now: () => NOW, seed: { random: 7 } });
    expect(other.state.bookings[0]?.uid).not.toBe(first.state.bookings[0]?.uid);
  });

  it('uses the system clock by default', () => {
    vi.useFakeTimers({ now: Date.parse('2031-02-03T04:05:06.000Z'), toFake: ['Date'] });
    try {
      expect(createCalComSimulator().now().toISOString()).toBe('2031-02-03T04:05:06.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});
