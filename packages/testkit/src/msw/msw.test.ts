import { describe, expect, it, vi } from 'vitest';
import { CAL_COM_API_ORIGINS } from '../constants';
import { createCalComSimulator } from '../simulator/create-simulator';
import { server, simulator, TEST_API_KEY, TEST_BASE_URL, TEST_CLIENT_OPTIONS, TEST_NOW, useSimulator } from '../vitest';
import { unhandledRequestStrategy } from '../vitest/unhandled-requests';
import { createCalComHandlers, waitForAbort } from './handlers';
import {
  htmlErrorOnce,
  malformedJsonOnce,
  networkErrorOnce,
  rateLimitedOnce,
  respondOnce,
  serverErrorOnce,
  slowOnce,
} from './scenarios';

const auth = { authorization: `Bearer ${TEST_API_KEY}` };

describe('vitest setup with msw', () => {
  it('routes https://api.cal.com/v2 to the simulator', async () => {
    expect(TEST_BASE_URL).toBe('https://api.cal.com/v2');
    const response = await fetch(`${TEST_BASE_URL}/me`, { headers: auth });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'success', data: { id: 1001 } });
    expect(simulator().requests).toEqual([
      {
        method: 'GET',
        path: '/v2/me',
        query: {},
        headers: { authorization: `Bearer ${TEST_API_KEY}` },
        body: undefined,
      },
    ]);
  });

  it('starts every test with a fresh simulator', () => {
    expect(simulator().requests).toEqual([]);
  });

  it('replaces the simulator for one test', async () => {
    const replaced = useSimulator({ rateLimit: { limit: 1 } });
    expect(simulator()).toBe(replaced);
    await fetch(`${TEST_BASE_URL}/me`, { headers: auth });
    expect((await fetch(`${TEST_BASE_URL}/me`, { headers: auth })).status).toBe(429);
    expect(simulator().state.bookings).toHaveLength(7);
    expect(simulator().faults.active).toEqual([]);
    expect(simulator().now()).toBeInstanceOf(Date);
    simulator().reset();
  });

  it('turns a reset fault into a network error and a hang into a request that waits for abort', async () => {
    simulator().faults.add({ path: '/v2/me', times: 1, fault: { type: 'reset' } });
    await expect(fetch(`${TEST_BASE_URL}/me`, { headers: auth })).rejects.toThrow(TypeError);
    simulator().faults.add({ path: '/v2/me', times: 1, fault: { type: 'hang' } });
    const controller = new AbortController();
    const pending = fetch(`${TEST_BASE_URL}/me`, { headers: auth, signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('stops waiting right away when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('early'));
    await expect(waitForAbort(controller.signal)).resolves.toBeUndefined();
  });

  it('runs every simulator on the fixed test clock unless a test brings its own', () => {
    expect(new Date(TEST_NOW).toISOString()).toBe('2026-06-01T06:00:00.000Z');
    expect(simulator().now().toISOString()).toBe('2026-06-01T06:00:00.000Z');
    expect(
      useSimulator({ seed: { bookings: 2 } })
        .now()
        .toISOString(),
    ).toBe('2026-06-01T06:00:00.000Z');
    const own = useSimulator({ now: () => new Date('2027-01-04T09:00:00Z') });
    expect(own.now().toISOString()).toBe('2027-01-04T09:00:00.000Z');
  });

  it('gives the client the clock of the simulator in use, also after useSimulator', () => {
    expect(TEST_CLIENT_OPTIONS.apiKey).toBe(TEST_API_KEY);
    expect(TEST_CLIENT_OPTIONS.baseUrl).toBe('https://api.cal.com/v2');
    expect(TEST_CLIENT_OPTIONS.now().toISOString()).toBe('2026-06-01T06:00:00.000Z');
    useSimulator({ now: () => new Date('2027-01-04T09:00:00Z') });
    expect(TEST_CLIENT_OPTIONS.now().toISOString()).toBe('2027-01-04T09:00:00.000Z');
  });

  it('refuses an unhandled request to Cal.com: nothing reaches the real API', async () => {
    await expect(fetch('https://api.cal.com/v1/me', { headers: auth })).rejects.toThrow(TypeError);
    await expect(fetch('https://api.cal.eu/v2/me', { headers: auth })).rejects.toThrow(TypeError);
    expect(simulator().requests).toEqual([]);
  });

  it('intercepts another base URL when asked', async () => {
    server.use(...createCalComHandlers(createCalComSimulator(), { baseUrl: 'https://api.cal.eu/v2' }));
    const response = await fetch('https://api.cal.eu/v2/teams', { headers: auth });
    expect(response.status).toBe(200);
  });
});

describe('scenario helpers', () => {
  it('rateLimitedOnce answers one 429 with the reset header, then the simulator answers', async () => {
    server.use(rateLimitedOnce('GET', '/bookings', { resetSeconds: 17 }));
    const limited = await fetch(`${TEST_BASE_URL}/bookings`, { headers: { ...auth, 'cal-api-version': '2024-08-13' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-reset-default')).toBe('17');
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await limited.json()).toMatchObject({ path: '/v2/bookings', error: { code: 'ThrottlerException' } });
    const next = await fetch(`${TEST_BASE_URL}/bookings`, { headers: { ...auth, 'cal-api-version': '2024-08-13' } });
    expect(next.status).toBe(200);
  });

  it('serverErrorOnce answers the envelope or the bare body once', async () => {
    server.use(serverErrorOnce('POST', '/v2/bookings', { status: 503 }));
    const envelope = await fetch(`${TEST_BASE_URL}/bookings`, { method: 'POST' });
    expect(envelope.status).toBe(503);
    expect(await envelope.json()).toMatchObject({ error: { code: 'ServiceUnavailableException' } });
    server.use(serverErrorOnce('GET', 'me', { shape: 'bare' }));
    const bare = await fetch(`${TEST_BASE_URL}/me`);
    expect(await bare.text()).toBe('{"statusCode":500,"message":"Internal server error"}');
  });

  it('networkErrorOnce, malformedJsonOnce and htmlErrorOnce fail once', async () => {
    server.use(
      networkErrorOnce('GET', '/me'),
      malformedJsonOnce('GET', '/teams'),
      htmlErrorOnce('DELETE', '/webhooks/8001'),
    );
    await expect(fetch(`${TEST_BASE_URL}/me`, { headers: auth })).rejects.toThrow(TypeError);
    await expect((await fetch(`${TEST_BASE_URL}/teams`, { headers: auth })).json()).rejects.toThrow(SyntaxError);
    const html = await fetch(`${TEST_BASE_URL}/webhooks/8001`, { method: 'DELETE', headers: auth });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(`${TEST_BASE_URL}/me`, { headers: auth })).status).toBe(200);
  });

  it('slowOnce delays its answer', async () => {
    vi.useFakeTimers();
    try {
      server.use(slowOnce('PATCH', '/me', 10_000));
      let done = false;
      const pending = fetch(`${TEST_BASE_URL}/me`, { method: 'PATCH' }).then((response) => {
        done = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(9_999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await (await pending).json()).toEqual({ status: 'success', data: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('respondOnce answers any status, JSON or text, with headers', async () => {
    server.use(
      respondOnce(
        'PUT',
        '/v2/anything',
        418,
        { teapot: true },
        { 'x-custom': '1' },
        { baseUrl: 'https://api.cal.com/v2/' },
      ),
      respondOnce('GET', '/v2/text', 200, 'plain'),
    );
    const json = await fetch(`${TEST_BASE_URL}/anything`, { method: 'PUT' });
    expect(json.status).toBe(418);
    expect(json.headers.get('x-custom')).toBe('1');
    expect(await json.json()).toEqual({ teapot: true });
    const text = await fetch(`${TEST_BASE_URL}/text`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('plain');
  });
});

describe('unhandledRequestStrategy', () => {
  function decide(url: string, otherRequests?: 'warn' | 'bypass' | 'error'): string {
    const printed: string[] = [];
    unhandledRequestStrategy(CAL_COM_API_ORIGINS, otherRequests)(new Request(url), {
      warning: () => printed.push('warning'),
      error: () => printed.push('error'),
    });
    return printed.join(',') || 'bypass';
  }

  it("always errors on Cal.com's origins, whatever the choice for other requests", () => {
    for (const choice of ['warn', 'bypass', 'error'] as const) {
      expect(decide('https://api.cal.com/v1/me', choice)).toBe('error');
      expect(decide('https://api.cal.eu/v2/bookings', choice)).toBe('error');
    }
  });

  it('treats every other request as the suite chose, warning by default as msw does', () => {
    expect(decide('http://127.0.0.1:4000/health')).toBe('warning');
    expect(decide('http://127.0.0.1:4000/health', 'warn')).toBe('warning');
    expect(decide('https://example.org/', 'bypass')).toBe('bypass');
    expect(decide('https://cal.com.example.org/v2/me', 'error')).toBe('error');
  });

  it('names the setting and the choices when the choice is unknown', () => {
    expect(() => unhandledRequestStrategy(CAL_COM_API_ORIGINS, 'ignore' as 'warn')).toThrow(
      new TypeError(
        "calComTestkit.otherRequests is \"ignore\". Use one of 'warn', 'bypass', 'error' in vitest's test.provide.",
      ),
    );
  });
});
