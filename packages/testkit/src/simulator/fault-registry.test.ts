import { describe, expect, it, vi } from 'vitest';
import { callSimulator } from '../../test/support/call-simulator';
import { createCalComSimulator } from './create-simulator';
import { createFaultRegistry } from './fault-registry';

const NOW = new Date('2026-03-25T06:00:00.000Z');

function request(method: string, path: string, body?: unknown): Request {
  return new Request(`https://api.cal.com${path}`, {
    method,
    headers: { authorization: 'Bearer cal_sim_demo_key_0001', 'cal-api-version': '2024-08-13' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('createFaultRegistry', () => {
  it('matches method, exact path, prefix and RegExp, and counts down', () => {
    const registry = createFaultRegistry([
      { method: 'post', path: '/v2/bookings', times: 1, fault: { type: 'reset' } },
    ]);
    registry.add({ path: '/v2/teams/*', fault: { type: 'hang' } });
    registry.add({ path: /^\/v2\/me$/, times: 2, fault: { type: 'html-502' } });
    expect(registry.take('GET', '/v2/bookings')).toBeUndefined();
    expect(registry.take('POST', '/v2/bookings')).toEqual({ type: 'reset' });
    expect(registry.take('POST', '/v2/bookings')).toBeUndefined();
    expect(registry.take('GET', '/v2/teams/1')).toEqual({ type: 'hang' });
    expect(registry.take('GET', '/v2/teams/1')).toEqual({ type: 'hang' });
    expect(registry.take('GET', '/v2/me')).toEqual({ type: 'html-502' });
    expect(registry.active).toHaveLength(2);
    registry.clear();
    expect(registry.take('GET', '/v2/teams/1')).toBeUndefined();
  });
});

describe('faults in the simulator', () => {
  it('answers connection resets and hangs as network outcomes without touching state', async () => {
    const simulator = createCalComSimulator({
      now: () => NOW,
      faults: [{ path: '/v2/me', times: 1, fault: { type: 'reset' } }],
    });
    expect(await simulator.handle(request('GET', '/v2/me'))).toEqual({ kind: 'reset' });
    simulator.faults.add({ times: 1, fault: { type: 'hang' } });
    expect(await simulator.handle(request('GET', '/v2/me'))).toEqual({ kind: 'hang' });
    expect((await callSimulator(simulator, 'GET', '/v2/me')).status).toBe(200);
  });

  it.each([
    [{ type: 'server-error' } as const, 500, '"code":"InternalServerErrorException"'],
    [{ type: 'server-error', status: 503 } as const, 503, '"code":"ServiceUnavailableException"'],
    [{ type: 'server-error', shape: 'bare' } as const, 500, '{"statusCode":500,"message":"Internal server error"}'],
    [{ type: 'malformed-json' } as const, 200, '{"status":"success","data":{"id":1,'],
    [{ type: 'html-502' } as const, 502, '<h1>502 Bad Gateway</h1>'],
    [{ type: 'rate-limit', resetSeconds: 9 } as const, 429, '"code":"ThrottlerException"'],
  ])('injects %j', async (fault, status, fragment) => {
    const simulator = createCalComSimulator({ now: () => NOW });
    simulator.faults.add({ method: 'GET', path: '/v2/me', times: 1, fault });
    const result = await callSimulator(simulator, 'GET', '/v2/me');
    expect(result.status).toBe(status);
    expect(result.text).toContain(fragment);
    expect((await callSimulator(simulator, 'GET', '/v2/me')).status).toBe(200);
  });

  it('adds latency and then answers normally', async () => {
    vi.useFakeTimers();
    try {
      const simulator = createCalComSimulator({ now: () => NOW, faults: [{ fault: { type: 'latency', ms: 5_000 } }] });
      let settled = false;
      const pending = simulator.handle(request('GET', '/v2/me')).then((result) => {
        settled = true;
        return result;
      });
      await vi.advanceTimersByTimeAsync(4_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const result = await pending;
      expect(result instanceof Response && result.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['server-error', 500, '"code":"InternalServerErrorException"'],
    ['bare-server-error', 500, '{"statusCode":500,"message":"Internal server error"}'],
  ] as const)('commit-then-fail (%s) creates the booking but answers an error', async (outcome, status, fragment) => {
    const simulator = createCalComSimulator({ now: () => NOW });
    simulator.faults.add({
      method: 'POST',
      path: '/v2/bookings',
      times: 1,
      fault: { type: 'commit-then-fail', outcome },
    });
    const before = simulator.state.bookings.length;
    const result = await callSimulator(simulator, 'POST', '/v2/bookings', {
      version: '2024-08-13',
      body: {
        eventTypeId: 3002,
        start: '2026-03-26T10:00:00Z',
        attendee: { name: 'Lin', timeZone: 'Asia/Taipei', email: 'lin@example.com' },
      },
    });
    expect(result.status).toBe(status);
    expect(result.text).toContain(fragment);
    expect(simulator.state.bookings).toHaveLength(before + 1);
    expect(simulator.state.bookings.at(-1)).toMatchObject({ start: '2026-03-26T10:00:00.000Z', status: 'accepted' });
  });

  it.each(['hang', 'reset'] as const)(
    'commit-then-fail (%s) creates the booking and drops the answer',
    async (outcome) => {
      const simulator = createCalComSimulator({ now: () => NOW });
      simulator.faults.add({ method: 'POST', path: '/v2/bookings', fault: { type: 'commit-then-fail', outcome } });
      const result = await simulator.handle(
        request('POST', '/v2/bookings', {
          eventTypeId: 3002,
          start: '2026-03-26T10:00:00Z',
          attendee: { name: 'Lin', timeZone: 'Asia/Taipei' },
        }),
      );
      expect(result).toEqual({ kind: outcome });
      expect(simulator.state.bookings.at(-1)?.attendees[0]?.name).toBe('Lin');
    },
  );
});
