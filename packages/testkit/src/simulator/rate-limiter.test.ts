import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../test/support/call-simulator';
import { createCalComSimulator } from './create-simulator';
import { createRateLimiter } from './rate-limiter';
import { SECOND_API_KEY } from './seed';

describe('createRateLimiter', () => {
  it('counts per tracker within the window and reports seconds to reset', () => {
    const limiter = createRateLimiter({ limit: 2, ttlMs: 60_000, blockMs: 60_000 });
    expect(limiter.check('a', 0).headers).toEqual({
      'x-ratelimit-limit-default': '2',
      'x-ratelimit-remaining-default': '1',
      'x-ratelimit-reset-default': '60',
    });
    expect(limiter.check('a', 10_500).headers['x-ratelimit-remaining-default']).toBe('0');
    expect(limiter.check('a', 10_500).headers['x-ratelimit-reset-default']).toBe('60');
    expect(limiter.check('b', 10_500).allowed).toBe(true);
    expect(limiter.check('a', 65_000).allowed).toBe(false);
    expect(limiter.check('a', 70_500)).toMatchObject({ allowed: true });
    limiter.reset();
    expect(limiter.check('a', 70_600).headers['x-ratelimit-remaining-default']).toBe('1');
  });
});

describe('rate limiting in the simulator', () => {
  it('allows 120 requests per 60 s per key, then blocks for 60 s with a 429 and no Retry-After', async () => {
    let now = new Date('2026-03-25T06:00:00.000Z');
    const simulator = createCalComSimulator({ now: () => now });
    for (let index = 1; index <= 120; index += 1) {
      const result = await callSimulator(simulator, 'GET', '/v2/me');
      expect(result.status).toBe(200);
      expect(result.headers.get('x-ratelimit-remaining-default')).toBe(String(120 - index));
    }
    const limited = await callSimulator(simulator, 'GET', '/v2/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-ratelimit-limit-default')).toBe('120');
    expect(limited.headers.get('x-ratelimit-remaining-default')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset-default')).toBe('60');
    expect(limited.headers.get('x-request-id')).not.toBeNull();
    expect(limited.json).toMatchObject({
      status: 'error',
      path: '/v2/me',
      error: {
        code: 'ThrottlerException',
        message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
      },
    });
    expect((await callSimulator(simulator, 'GET', '/v2/me', { key: SECOND_API_KEY })).status).toBe(200);
    now = new Date('2026-03-25T06:00:30.000Z');
    const stillBlocked = await callSimulator(simulator, 'GET', '/v2/me');
    expect(stillBlocked.status).toBe(429);
    expect(stillBlocked.headers.get('x-ratelimit-reset-default')).toBe('30');
    now = new Date('2026-03-25T06:01:00.000Z');
    const after = await callSimulator(simulator, 'GET', '/v2/me');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining-default')).toBe('119');
  });

  it('honours a configured limit, puts headers on errors too, and can be disabled', async () => {
    const simulator = createCalComSimulator({ rateLimit: { limit: 1 } });
    const first = await callSimulator(simulator, 'GET', '/v2/me', { key: null });
    expect(first.status).toBe(401);
    expect(first.headers.get('x-ratelimit-remaining-default')).toBe('0');
    expect((await callSimulator(simulator, 'GET', '/v2/me', { key: null })).status).toBe(429);
    const unlimited = createCalComSimulator({ rateLimit: { enabled: false } });
    const result = await callSimulator(unlimited, 'GET', '/v2/me');
    expect(result.headers.get('x-ratelimit-limit-default')).toBeNull();
  });
});
