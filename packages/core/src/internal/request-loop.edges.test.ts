import { getEventListeners } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CalComClientOptions, resolveClientOptions } from '../client-options';
import {
  CalComAuthError,
  CalComConfigError,
  CalComNetworkError,
  CalComNotFoundError,
  CalComRateLimitError,
  CalComServerError,
  CalComTimeoutError,
} from '../errors';
import type { Logger } from './logger';
import { RequestExecutor } from './request-loop';
import type { RequestSpec } from './request-types';
import type { Transport, TransportRequest, TransportResponse } from './transport';

afterEach(() => {
  vi.useRealTimers();
});

const API_KEY = 'cal_test_fake_0123_4567_89ab';
const BASE = 'https://api.cal.com/v2';
const emptyFolder = mkdtempSync(join(tmpdir(), 'calcom-core-loop-edges-'));
const FAKE_START = Date.parse('2026-06-01T06:00:00.000Z');
const GET_ME: RequestSpec<unknown> = { method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' };

interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly details: unknown[];
}

/** One scripted answer: a response, an error to reject with, or `hang` (never answers; the caller's signal rejects it). */
type Answer = TransportResponse | Error | 'hang';

/** A transport that answers from a script and records what it was asked. */
function scriptedTransport(answers: Answer[]) {
  const requests: TransportRequest[] = [];
  const sentAt: number[] = [];
  let closed = 0;
  const transport: Transport = {
    send(request) {
      requests.push(request);
      sentAt.push((vi.getMockedSystemTime()?.getTime() ?? FAKE_START) - FAKE_START);
      const next = answers.shift() ?? ok();
      if (next === 'hang') {
        return new Promise((_, reject) => {
          const signal = request.signal;
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    async close() {
      closed += 1;
    },
  };
  return { transport, requests, sentAt, closed: () => closed };
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { status, headers: new Headers(headers), bodyText: body === undefined ? '' : JSON.stringify(body) };
}

const ok = (data: unknown = { id: 1 }, headers: Record<string, string> = {}) =>
  respond(200, { status: 'success', data }, headers);
const failure = (status: number, headers: Record<string, string> = {}) =>
  respond(status, { statusCode: status, message: 'x' }, headers);
const reset = () => new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });

function setup(answers: Answer[], options: CalComClientOptions = {}) {
  const lines: LogLine[] = [];
  const write =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push({ level, message, details });
    };
  const logger: Logger = { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
  const resolved = resolveClientOptions(
    { apiKey: API_KEY, logger, logLevel: 'debug', ...options },
    { env: {}, cwd: emptyFolder },
  );
  lines.length = 0; // only what the executor logs, not the option loading
  const scripted = scriptedTransport(answers);
  const executor = new RequestExecutor(resolved, { random: () => 0, transport: scripted.transport });
  return { executor, lines, ...scripted };
}

function useFakeTime() {
  vi.useFakeTimers({ now: FAKE_START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

describe('RequestExecutor edges: transport and logs', () => {
  it('closes the transport on close() and on async dispose', async () => {
    const { executor, closed } = setup([]);
    await executor.close();
    expect(closed()).toBe(1);
    await executor[Symbol.asyncDispose]();
    expect(closed()).toBe(2);
  });

  it('logs each request and response at debug level, and reports no request id as undefined', async () => {
    const { executor, lines, requests } = setup([ok({ id: 1 }, { 'X-Request-Id': 'req-9' }), ok({ id: 2 })]);
    const first = await executor.execute(GET_ME);
    const second = await executor.execute({ ...GET_ME, resource: 'teams', path: '/teams' });
    expect(first.requestId).toBe('req-9');
    expect(second).toStrictEqual({
      data: { id: 2 },
      pagination: undefined,
      status: 200,
      requestId: undefined,
      rateLimit: undefined,
    });
    expect(lines).toEqual([
      {
        level: 'debug',
        message: '[calcom-int] → GET /me',
        details: [{ method: 'GET', path: '/me', apiVersion: undefined }],
      },
      { level: 'debug', message: '[calcom-int] ← 200 GET /me', details: [{ status: 200, requestId: 'req-9' }] },
      {
        level: 'debug',
        message: '[calcom-int] → GET /teams',
        details: [{ method: 'GET', path: '/teams', apiVersion: undefined }],
      },
      { level: 'debug', message: '[calcom-int] ← 200 GET /teams', details: [{ status: 200, requestId: undefined }] },
    ]);
    expect(requests.map((request) => 'body' in request)).toEqual([false, false]);
  });

  it('hands the transport its headers, Content-Type only with a body, and leaves no timer or listener behind', async () => {
    useFakeTime();
    const { executor, requests } = setup([ok(), ok()]);
    const controller = new AbortController();
    await executor.execute(
      { method: 'POST', path: '/bookings', resource: 'bookings', retry: 'create', body: { a: 1 } },
      { signal: controller.signal },
    );
    await executor.execute(GET_ME, { signal: controller.signal });
    expect(requests.map((request) => request.headers)).toEqual([
      {
        Accept: 'application/json',
        Authorization: `Bearer ${API_KEY}`,
        'User-Agent': 'calcom-int/0.0.0-test',
        'cal-api-version': '2024-08-13',
        'Content-Type': 'application/json',
      },
      { Accept: 'application/json', Authorization: `Bearer ${API_KEY}`, 'User-Agent': 'calcom-int/0.0.0-test' },
    ]);
    expect(requests[0]?.body).toBe('{"a":1}');
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts a timed-out attempt with a TimeoutError reason, which becomes the cause', async () => {
    useFakeTime();
    const { executor } = setup(['hang'], { timeoutMs: 500, maxRetries: 0 });
    const promise = executor.execute(GET_ME).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500);
    const error = (await promise) as CalComTimeoutError;
    expect(error).toBeInstanceOf(CalComTimeoutError);
    expect(error.cause).toBeInstanceOf(DOMException);
    expect(error.cause).toMatchObject({ name: 'TimeoutError', message: 'Timed out after 500 ms' });
  });

  it('hands fetch a signal of its own that follows the caller’s and the time limit', async () => {
    useFakeTime();
    const { executor, requests } = setup([ok(), 'hang', 'hang'], { timeoutMs: 500, maxRetries: 0 });
    const caller = new AbortController();
    await executor.execute(GET_ME);
    expect(requests[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(requests[0]?.signal?.aborted).toBe(false);
    const timedOut = executor.execute(GET_ME).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500);
    expect(await timedOut).toBeInstanceOf(CalComTimeoutError);
    expect(requests[1]?.signal?.aborted).toBe(true);
    expect(requests[1]?.signal?.reason).toMatchObject({ name: 'TimeoutError' });
    const aborted = executor.execute(GET_ME, { signal: caller.signal }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests[2]?.signal).not.toBe(caller.signal);
    caller.abort(new Error('user left'));
    expect(await aborted).toMatchObject({ message: 'user left' });
    expect(requests[2]?.signal?.aborted).toBe(true);
    expect(requests[2]?.signal?.reason).toMatchObject({ message: 'user left' });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('times out an attempt whose transport never settles and ignores the late answer or failure', async () => {
    useFakeTime();
    const late: { resolve?: (response: TransportResponse) => void; reject?: (error: Error) => void }[] = [];
    const transport: Transport = {
      send: () =>
        new Promise<TransportResponse>((resolve, reject) => {
          late.push({ resolve, reject });
        }),
      async close() {},
    };
    const resolved = resolveClientOptions(
      { apiKey: API_KEY, timeoutMs: 500, maxRetries: 0 },
      { env: {}, cwd: emptyFolder },
    );
    const executor = new RequestExecutor(resolved, { random: () => 0, transport });
    const first = executor.execute(GET_ME).catch((caught: unknown) => caught);
    const second = executor.execute(GET_ME).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500);
    expect(await first).toBeInstanceOf(CalComTimeoutError);
    expect(await second).toBeInstanceOf(CalComTimeoutError);
    expect(vi.getTimerCount()).toBe(0);
    // After the limit, an answer is dropped and a failure is not an unhandled rejection (vitest would report it).
    late[0]?.resolve?.(ok());
    late[1]?.reject?.(reset());
    await vi.advanceTimersByTimeAsync(0);
    expect(late).toHaveLength(2);
  });
});

describe('RequestExecutor edges: retries', () => {
  it('retries when the backoff equals maxRetryWaitMs', async () => {
    useFakeTime();
    const { executor, sentAt } = setup([failure(503)], { maxRetryWaitMs: 1000 });
    const promise = executor.execute(GET_ME);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await promise).data).toEqual({ id: 1 });
    expect(sentAt).toEqual([0, 1000]);
  });

  it('backs off after a network error and names it in the retry log', async () => {
    useFakeTime();
    const { executor, sentAt, lines } = setup([reset()]);
    const promise = executor.execute(GET_ME);
    await vi.advanceTimersByTimeAsync(999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await promise).data).toEqual({ id: 1 });
    expect(sentAt).toEqual([0, 1000]);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.message)).toEqual([
      '[calcom-int] Retrying GET /me (attempt 2 of 4) in 1000 ms after CalComNetworkError.',
    ]);
  });

  it('throws the abort reason at once, without a retry, even when it looks retryable', async () => {
    const { executor, lines, requests } = setup(['hang']);
    const controller = new AbortController();
    const promise = executor.execute(GET_ME, { signal: controller.signal });
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    const reason = new CalComServerError({ status: 503, code: 'HTTP_503', message: 'm', method: 'GET', url: BASE });
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
    expect(requests).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('rejects a call aborted while it waits for a slot with the abort reason', async () => {
    const { executor, requests } = setup(['hang', ok()], { rateLimit: { maxConcurrent: 1 } });
    const first = new AbortController();
    const second = new AbortController();
    const running = executor.execute(GET_ME, { signal: first.signal }).catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    const queued = executor.execute(GET_ME, { signal: second.signal });
    const reason = new Error('no longer needed');
    second.abort(reason);
    await expect(queued).rejects.toBe(reason);
    first.abort(new Error('done'));
    expect(await running).toEqual(new Error('done'));
    expect((await executor.execute(GET_ME)).data).toEqual({ id: 1 });
    expect(requests).toHaveLength(2);
  });
});

describe('RequestExecutor edges: server waits', () => {
  it('takes the wait of a 429 from X-RateLimit-Reset even without a remaining count', async () => {
    const { executor } = setup([failure(429, { 'X-RateLimit-Reset': '30' })], { maxRetries: 0 });
    const error = await executor.execute(GET_ME).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComRateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 30_000 });
  });

  it('takes the wait of another failure from the reset only when the limit is used up', async () => {
    const { executor } = setup(
      [
        failure(503, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '5' }),
        failure(503, { 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '5' }),
      ],
      { maxRetries: 0, rateLimit: { waitOnExhausted: false } },
    );
    expect(await executor.execute(GET_ME).catch((caught: unknown) => caught)).toMatchObject({
      status: 503,
      retryAfterMs: 5000,
    });
    const second = (await executor.execute(GET_ME).catch((caught: unknown) => caught)) as CalComServerError;
    expect(second.status).toBe(503);
    expect(second.retryAfterMs).toBeUndefined();
  });

  it('waits for an exhausted limit when the reset is exactly maxRetryWaitMs away, and says so', async () => {
    useFakeTime();
    const { executor, sentAt, lines } = setup(
      [ok({ id: 1 }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' }), ok({ id: 2 })],
      { maxRetryWaitMs: 2000 },
    );
    await executor.execute(GET_ME);
    const second = executor.execute(GET_ME);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await second).data).toEqual({ id: 2 });
    expect(sentAt).toEqual([0, 2000]);
    expect(lines.filter((line) => line.level === 'info')).toEqual([
      {
        level: 'info',
        message: '[calcom-int] Rate limit used up; waiting 2000 ms for the reset before GET /me.',
        details: [{ method: 'GET', path: '/me', waitMs: 2000 }],
      },
    ]);
  });

  it('refuses without sending when the reset is further away than maxRetryWaitMs, with the exact error', async () => {
    useFakeTime();
    const { executor, requests } = setup([ok({ id: 1 }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '90' })], {
      maxRetryWaitMs: 1000,
    });
    await executor.execute(GET_ME);
    await vi.advanceTimersByTimeAsync(500);
    const error = await executor.execute(GET_ME).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComRateLimitError);
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMIT_EXHAUSTED',
      method: 'GET',
      url: `${BASE}/me`,
      retryAfterMs: 89_500,
      retryable: true,
    });
    expect((error as Error).message).toBe(
      'Not sent: the Cal.com rate limit is used up and resets in 90 s, longer than maxRetryWaitMs (1000 ms). Retry after the reset, or raise maxRetryWaitMs.',
    );
    expect(requests).toHaveLength(1);
  });
});

describe('RequestExecutor edges: circuit breaker', () => {
  const breaker = { circuitBreaker: { failureThreshold: 1, cooldownMs: 1000 }, maxRetries: 0 };

  it('counts network errors and timeouts as failures', async () => {
    useFakeTime();
    const network = setup([reset()], breaker);
    await expect(network.executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComNetworkError);
    expect(network.executor.circuitState).toBe('open');
    const timeout = setup(['hang'], { ...breaker, timeoutMs: 100 });
    const promise = timeout.executor.execute(GET_ME).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(100);
    expect(await promise).toBeInstanceOf(CalComTimeoutError);
    expect(timeout.executor.circuitState).toBe('open');
  });

  it('releases a half-open trial that the caller aborted, so the next call is the trial', async () => {
    useFakeTime();
    const { executor, requests } = setup([failure(502), 'hang', ok()], breaker);
    await expect(executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComServerError);
    await vi.advanceTimersByTimeAsync(1000);
    const controller = new AbortController();
    const trial = executor.execute(GET_ME, { signal: controller.signal }).catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    controller.abort(new Error('cancelled'));
    expect(await trial).toEqual(new Error('cancelled'));
    expect(executor.circuitState).toBe('half-open');
    expect((await executor.execute(GET_ME)).data).toEqual({ id: 1 });
    expect(executor.circuitState).toBe('closed');
  });

  it('releases a half-open trial refused before sending because the rate limit is used up', async () => {
    useFakeTime();
    const { executor, requests } = setup([failure(502, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '90' })], {
      ...breaker,
      maxRetryWaitMs: 1000,
    });
    await expect(executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComServerError);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(executor.execute(GET_ME)).rejects.toMatchObject({ code: 'RATE_LIMIT_EXHAUSTED' });
    expect(executor.circuitState).toBe('half-open');
    expect(requests).toHaveLength(1);
  });

  it('closes on a 429 answer to the half-open trial: the server is up', async () => {
    useFakeTime();
    const { executor } = setup([failure(502), failure(429)], breaker);
    await expect(executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComServerError);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComRateLimitError);
    expect(executor.circuitState).toBe('closed');
  });

  it('works without a breaker for successes, 4xx, aborts and exhausted limits', async () => {
    const { executor, requests } = setup(
      [ok(), failure(404), 'hang', ok({ id: 2 }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '90' })],
      { circuitBreaker: false, maxRetries: 0, maxRetryWaitMs: 1000 },
    );
    expect((await executor.execute(GET_ME)).data).toEqual({ id: 1 });
    await expect(executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComNotFoundError);
    const controller = new AbortController();
    const aborted = executor.execute(GET_ME, { signal: controller.signal }).catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    controller.abort(new Error('stop'));
    expect(await aborted).toEqual(new Error('stop'));
    expect((await executor.execute(GET_ME)).data).toEqual({ id: 2 });
    await expect(executor.execute(GET_ME)).rejects.toMatchObject({ code: 'RATE_LIMIT_EXHAUSTED' });
    expect(executor.circuitState).toBe('closed');
  });
});

describe('RequestExecutor edges: token refresh', () => {
  it('does not refresh on 403 and logs the refresh it does on 401', async () => {
    const refreshToken = vi.fn(async () => 'fresh_access_token_123');
    const forbidden = setup([failure(403)], { refreshToken });
    await expect(forbidden.executor.execute(GET_ME)).rejects.toBeInstanceOf(CalComAuthError);
    expect(refreshToken).not.toHaveBeenCalled();
    const expired = setup([failure(401), ok()], { refreshToken });
    expect((await expired.executor.execute(GET_ME)).data).toEqual({ id: 1 });
    expect(expired.lines.filter((line) => line.level === 'info').map((line) => line.message)).toEqual([
      '[calcom-int] Refreshing the access token after an auth failure on GET /me.',
    ]);
    expect(expired.requests[1]?.headers.Authorization).toBe('Bearer fresh_access_token_123');
  });

  it('names refreshToken() when the refreshed token is empty', async () => {
    const { executor } = setup([failure(401)], { refreshToken: async () => ' ' });
    const error = await executor.execute(GET_ME).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComConfigError);
    expect((error as Error).message).toMatch(/^refreshToken\(\) is empty\./);
  });
});
