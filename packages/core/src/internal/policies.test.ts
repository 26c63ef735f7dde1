import { describe, expect, it } from 'vitest';
import { CalComAPIError, CalComCircuitOpenError, CalComNetworkError, CalComTimeoutError } from '../errors';
import { CircuitBreaker } from './circuit-breaker';
import type { Clock } from './clock';
import { parseRateLimitHeaders, RateLimiter } from './rate-limiter';
import { BASE_DELAY_MS, backoffDelay, parseRetryAfter, shouldRetry } from './retry-policy';

function manualClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  const timers: { at: number; callback: () => void }[] = [];
  return {
    now: () => now,
    setTimer(callback, ms) {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    advance(ms) {
      now += ms;
      for (const timer of timers.filter((entry) => entry.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
  };
}

const apiError = (status: number) =>
  new CalComAPIError({ status, code: 'X', message: 'm', method: 'GET', url: 'https://api.cal.com/v2/x' });
const network = (requestSent: boolean) =>
  new CalComNetworkError({ message: 'm', method: 'POST', url: 'https://api.cal.com/v2/x', requestSent });

describe('retry policy', () => {
  it('follows the D6 matrix', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(shouldRetry('idempotent', apiError(status))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 501])
      expect(shouldRetry('idempotent', apiError(status))).toBe(false);
    expect(shouldRetry('create', apiError(429))).toBe(true);
    for (const status of [408, 500, 502, 503, 504]) expect(shouldRetry('create', apiError(status))).toBe(false);
    expect(shouldRetry('idempotent', network(true))).toBe(true);
    expect(shouldRetry('create', network(true))).toBe(false);
    expect(shouldRetry('create', network(false))).toBe(true);
    const timeout = new CalComTimeoutError({ message: 'm', method: 'POST', url: 'https://api.cal.com/v2/x' }, 5);
    expect(shouldRetry('idempotent', timeout)).toBe(true);
    expect(shouldRetry('create', timeout)).toBe(false);
    expect(shouldRetry('idempotent', new Error('x'))).toBe(false);
  });

  it('backs off 1 s, 2 s, 4 s with jitter within [0.75, 1] of the base', () => {
    expect([1, 2, 3].map((retry) => backoffDelay(retry, 0))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((retry) => backoffDelay(retry, 0.999_999))).toEqual([750, 1500, 3000]);
    for (let index = 0; index < 50; index += 1) {
      const delay = backoffDelay(2, Math.random());
      expect(delay).toBeGreaterThanOrEqual(0.75 * 2 * BASE_DELAY_MS);
      expect(delay).toBeLessThanOrEqual(2 * BASE_DELAY_MS);
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('garbage', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(' ', now)).toBeUndefined();
  });
});

describe('rate-limit headers', () => {
  it('parses suffixed and unsuffixed headers and picks the limit with most left', () => {
    const headers = new Headers({
      'X-RateLimit-Limit-Default': '120',
      'X-RateLimit-Remaining-Default': '0',
      'X-RateLimit-Reset-Default': '60',
      'x-ratelimit-limit-long': '1000',
      'x-ratelimit-remaining-long': '900',
      'X-RateLimit-Reset': 'soon',
    });
    expect(parseRateLimitHeaders(headers, 5)).toEqual({
      name: 'Long',
      limit: 1000,
      remaining: 900,
      resetAt: undefined,
      observedAt: 5,
    });
    expect(parseRateLimitHeaders(new Headers({ 'X-RateLimit-Remaining': '3' }), 5)).toEqual({
      name: undefined,
      limit: undefined,
      remaining: 3,
      resetAt: undefined,
      observedAt: 5,
    });
    expect(parseRateLimitHeaders(new Headers({ 'Content-Type': 'x' }), 5)).toBeUndefined();
  });

  it('removes an aborted request from the queue', async () => {
    const limiter = new RateLimiter(1, manualClock());
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(limiter.queued).toBe(1);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(limiter.queued).toBe(0);
    release();
    release();
    expect(limiter.inFlight).toBe(0);
    await expect(limiter.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});

describe('rate limiter', () => {
  it('queues without a signal, prefers known remaining counts and keeps a newer snapshot after a wait', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, clock);
    const release = await limiter.acquire();
    const queued = limiter.acquire();
    release();
    (await queued)();
    expect(limiter.inFlight).toBe(0);
    const headers = new Headers({ 'x-ratelimit-limit-a': '5', 'x-ratelimit-remaining-b': '2' });
    expect(parseRateLimitHeaders(headers, 1)?.name).toBe('A');
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' }));
    expect(limiter.exhaustedWaitMs()).toBe(2000);
    const waiting = limiter.waitForReset(2000);
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '7' }));
    clock.advance(2000);
    await waiting;
    expect(limiter.snapshot?.remaining).toBe(7);
    expect(limiter.exhaustedWaitMs()).toBe(0);
  });
});

describe('circuit breaker', () => {
  it('lets only one trial through while half-open and releases it on abandon', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(1, 1000, clock);
    expect(breaker.admit()).toBe(false);
    breaker.recordFailure();
    expect(() => breaker.admit()).toThrow(CalComCircuitOpenError);
    clock.advance(1000);
    expect(breaker.admit()).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(() => breaker.admit()).toThrow(CalComCircuitOpenError);
    breaker.recordAbandoned();
    expect(breaker.admit()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    breaker.recordAbandoned();
    expect(breaker.state).toBe('closed');
  });
});
