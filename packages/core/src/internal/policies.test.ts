import { getEventListeners } from 'node:events';
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

describe('rate-limit headers, edge cases', () => {
  it('ignores headers that only resemble the pattern and values that are empty or not numbers', () => {
    const headers = new Headers({
      'X-Other-RateLimit-Remaining': '1',
      'X-X-RateLimit-Remaining': '1',
      'X-RateLimit-Limited': '2',
      'X-RateLimit-Remainder': '3',
      'X-RateLimit-Remaining-': '4',
      'X-RateLimit-Limit': '',
      'X-RateLimit-Reset': 'Infinity',
    });
    expect(parseRateLimitHeaders(headers, 5)).toBeUndefined();
  });

  it('keeps the first of equally full limits and never counts a negative reset as in the past', () => {
    const headers = new Headers({
      'X-RateLimit-Remaining-Burst': '5',
      'X-RateLimit-Remaining-Daily': '5',
      'X-RateLimit-Reset-Burst': '-30',
      'X-RateLimit-Reset-Daily': '1.5',
    });
    expect(parseRateLimitHeaders(headers, 10_000)).toEqual({
      name: 'Burst',
      limit: undefined,
      remaining: 5,
      resetAt: 10_000,
      observedAt: 10_000,
    });
    headers.delete('X-RateLimit-Remaining-Burst');
    expect(parseRateLimitHeaders(headers, 10_000)).toMatchObject({ name: 'Burst', remaining: undefined });
    headers.set('X-RateLimit-Remaining-Burst', '4');
    expect(parseRateLimitHeaders(headers, 10_000)).toMatchObject({ name: 'Daily', remaining: 5, resetAt: 11_500 });
  });
});

describe('rate limiter, slots and snapshots', () => {
  it('grants exactly maxConcurrent slots at once and hands a released slot to the first in the queue', async () => {
    const limiter = new RateLimiter(2, manualClock());
    const first = await limiter.acquire();
    await limiter.acquire();
    const order: string[] = [];
    const third = limiter.acquire().then((release) => {
      order.push('third');
      return release;
    });
    const fourth = limiter.acquire().then((release) => {
      order.push('fourth');
      return release;
    });
    expect([limiter.inFlight, limiter.queued]).toEqual([2, 2]);
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    (await third)();
    expect(order).toEqual(['third']);
    expect([limiter.inFlight, limiter.queued]).toEqual([2, 0]);
    (await fourth)();
    expect(limiter.inFlight).toBe(1);
  });

  it('gives the slot of an aborted first waiter to the next one', async () => {
    const limiter = new RateLimiter(1, manualClock());
    const release = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    expect(limiter.queued).toBe(1);
    release();
    (await next)();
    expect([limiter.inFlight, limiter.queued]).toEqual([0, 0]);
  });

  it('leaves no abort listener on a signal once its waiter got a slot or gave up', async () => {
    const limiter = new RateLimiter(1, manualClock());
    const release = await limiter.acquire();
    const granted = new AbortController();
    const given = new AbortController();
    const waiting = limiter.acquire(granted.signal);
    const giving = limiter.acquire(given.signal);
    expect(getEventListeners(granted.signal, 'abort')).toHaveLength(1);
    given.abort(new Error('gone'));
    await expect(giving).rejects.toThrow('gone');
    expect(getEventListeners(given.signal, 'abort')).toHaveLength(0);
    release();
    (await waiting)();
    expect(getEventListeners(granted.signal, 'abort')).toHaveLength(0);
  });

  it('forgets an exhausted snapshot after waiting for its reset', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, clock);
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' }));
    const waiting = limiter.waitForReset(limiter.exhaustedWaitMs());
    clock.advance(2000);
    await waiting;
    expect(limiter.snapshot).toBeUndefined();
  });

  it('waits nothing without a reset time or after the reset, and keeps the last snapshot when a response has none', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, clock);
    const waiting = limiter.waitForReset(100);
    clock.advance(100);
    await waiting;
    expect(limiter.snapshot).toBeUndefined();
    expect(limiter.exhaustedWaitMs()).toBe(0);
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0' }));
    expect(limiter.exhaustedWaitMs()).toBe(0);
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '2' }));
    expect(limiter.exhaustedWaitMs()).toBe(0);
    const exhausted = limiter.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' }));
    expect(limiter.observe(new Headers({ 'Content-Type': 'application/json' }))).toBeUndefined();
    expect(limiter.snapshot).toBe(exhausted);
    clock.advance(500);
    expect(limiter.exhaustedWaitMs()).toBe(1500);
    clock.advance(2500);
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

  it('reports the time left and the failure count while open, and at least 1 s while a trial is in flight', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(2, 10_000, clock);
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.advance(7_600);
    const open = captureOpen(breaker);
    expect(open.retryAfterMs).toBe(2_400);
    expect(open.message).toBe(
      'Cal.com requests are paused: the last 2 requests failed (server errors, timeouts or network errors), so the circuit breaker is open. Nothing was sent. Retry in 3 s, and check https://status.cal.com if it persists.',
    );
    clock.advance(2_400);
    expect(breaker.admit()).toBe(true);
    clock.advance(5_000);
    const busy = captureOpen(breaker);
    expect(busy.retryAfterMs).toBe(1_000);
    expect(busy.message).toContain('the last 2 requests failed');
  });

  it('opens again when the trial fails and lets the next trial through after another cooldown', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker(1, 1000, clock);
    breaker.recordFailure();
    clock.advance(1000);
    expect(breaker.admit()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(captureOpen(breaker).retryAfterMs).toBe(1000);
    clock.advance(1000);
    expect(breaker.admit()).toBe(true);
    expect(breaker.state).toBe('half-open');
  });

  it('keeps the half-open door once the cooldown is over, even when the wall clock steps back', () => {
    let time = 5_000_000;
    const clock: Clock = { now: () => time, setTimer: () => () => {} };
    const breaker = new CircuitBreaker(1, 1000, clock);
    breaker.recordFailure();
    time += 1000;
    expect(breaker.admit()).toBe(true);
    time -= 400;
    expect(captureOpen(breaker).retryAfterMs).toBe(1000);
    breaker.recordAbandoned();
    expect(breaker.admit()).toBe(true);
    expect(breaker.state).toBe('half-open');
  });
});

/** Calls `admit()` on a breaker that must refuse, and returns the refusal. */
function captureOpen(breaker: CircuitBreaker): CalComCircuitOpenError {
  try {
    breaker.admit();
  } catch (error) {
    expect(error).toBeInstanceOf(CalComCircuitOpenError);
    return error as CalComCircuitOpenError;
  }
  throw new Error('the breaker admitted a request it should have refused');
}
