import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CalComClientOptions, resolveClientOptions } from '../client-options';
import {
  CalComAuthError,
  CalComCircuitOpenError,
  CalComConflictError,
  CalComNetworkError,
  CalComNotFoundError,
  CalComRateLimitError,
  CalComServerError,
  CalComTimeoutError,
  CalComUnexpectedResponseError,
  CalComValidationError,
} from '../errors';
import { systemClock } from './clock';
import type { Logger } from './logger';
import { RequestExecutor } from './request-loop';

afterEach(() => {
  vi.useRealTimers();
});

const API_KEY = 'cal_test_fake_0123_4567_89ab';
const BASE = 'https://api.cal.com/v2';
const emptyFolder = mkdtempSync(join(tmpdir(), 'calcom-core-loop-'));

interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly details: unknown[];
}

function capturingLogger(lines: LogLine[]): Logger {
  const write =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push({ level, message, details });
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function createExecutor(options: CalComClientOptions = {}, lines: LogLine[] = []) {
  const resolved = resolveClientOptions(
    { apiKey: API_KEY, logger: capturingLogger(lines), logLevel: 'debug', ...options },
    { env: {}, cwd: emptyFolder },
  );
  return new RequestExecutor(resolved, { random: () => 0 });
}

/** Where the fake clock starts; `fakeNow()` reads it (never the wall clock). */
const FAKE_START = Date.parse('2026-06-01T06:00:00.000Z');

function useFakeTime() {
  vi.useFakeTimers({ now: FAKE_START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** The fake clock's time in epoch milliseconds. */
function fakeNow(): number {
  const mocked = vi.getMockedSystemTime();
  if (mocked === null) throw new Error('fakeNow() needs useFakeTime() first');
  return mocked.getTime();
}

const success = (data: unknown, init?: ResponseInit) => HttpResponse.json({ status: 'success', data }, init);

describe('RequestExecutor request building', () => {
  it('sends method, URL, query, headers and JSON body exactly, and unwraps data', async () => {
    const seen: Request[] = [];
    server.use(
      http.post(`${BASE}/bookings/abc/cancel`, async ({ request }) => {
        seen.push(request.clone());
        return success({ uid: 'abc' }, { headers: { 'X-Request-Id': 'req-1' } });
      }),
    );
    const executor = createExecutor();
    const result = await executor.execute({
      method: 'POST',
      path: '/bookings/abc/cancel',
      query: { take: 10, active: true, ids: ['a', 'b'], skip: undefined },
      body: { cancellationReason: 'Sick' },
      resource: 'bookings',
      retry: 'idempotent',
    });
    expect(result).toEqual({
      data: { uid: 'abc' },
      pagination: undefined,
      status: 200,
      requestId: 'req-1',
      rateLimit: undefined,
    });
    const request = seen[0] as Request;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${BASE}/bookings/abc/cancel?take=10&active=true&ids=a%2Cb`);
    expect(request.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(request.headers.get('cal-api-version')).toBe('2024-08-13');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('user-agent')).toBe('calcom-int/0.0.0-test');
    expect(await request.json()).toEqual({ cancellationReason: 'Sick' });
    await executor.close();
    await executor[Symbol.asyncDispose]();
  });

  it.each([
    ['slots', '2024-09-04'],
    ['eventTypes', '2024-06-14'],
    ['schedules', '2024-06-11'],
    ['me', null],
    ['teams', null],
    ['webhooks', null],
  ] as const)('sends the %s version header %s', async (resource, version) => {
    let header: string | null = 'unset';
    let contentType: string | null = 'unset';
    server.use(
      http.get(`${BASE}/x`, ({ request }) => {
        header = request.headers.get('cal-api-version');
        contentType = request.headers.get('content-type');
        return success([]);
      }),
    );
    await createExecutor().execute({ method: 'GET', path: 'x', resource, retry: 'idempotent' });
    expect(header).toBe(version);
    expect(contentType).toBeNull();
  });

  it('lets the client and the call override the version', async () => {
    const versions: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/bookings`, ({ request }) => {
        versions.push(request.headers.get('cal-api-version'));
        return success([]);
      }),
    );
    const executor = createExecutor({ apiVersions: { bookings: '2026-02-25' } });
    await executor.execute({ method: 'GET', path: '/bookings', resource: 'bookings', retry: 'idempotent' });
    await executor.execute(
      { method: 'GET', path: '/bookings', resource: 'bookings', retry: 'idempotent' },
      { apiVersion: '2024-08-13' },
    );
    expect(versions).toEqual(['2026-02-25', '2024-08-13']);
  });

  it('returns pagination, parses data with the schema, and returns undefined for an empty body', async () => {
    const pagination = {
      totalItems: 3,
      remainingItems: 1,
      returnedItems: 2,
      itemsPerPage: 2,
      currentPage: 1,
      totalPages: 2,
      hasNextPage: true,
      hasPreviousPage: false,
    };
    server.use(
      http.get(`${BASE}/bookings`, () =>
        HttpResponse.json({ status: 'success', data: [{ id: 1 }, { id: 2 }], pagination }),
      ),
      http.delete(`${BASE}/event-types/1`, () => new HttpResponse(null, { status: 204 })),
      http.post(`${BASE}/auth/oauth2/token`, () => HttpResponse.json({ access_token: 'x' })),
    );
    const executor = createExecutor();
    const schema = v.array(v.object({ id: v.number() }));
    const page = await executor.execute({
      method: 'GET',
      path: '/bookings',
      resource: 'bookings',
      retry: 'idempotent',
      schema,
    });
    expect(page.data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(page.pagination).toEqual(pagination);
    const deleted = await executor.execute({
      method: 'DELETE',
      path: '/event-types/1',
      resource: 'eventTypes',
      retry: 'idempotent',
    });
    expect(deleted.data).toBeUndefined();
    expect(deleted.status).toBe(204);
    const bare = await executor.execute({
      method: 'POST',
      path: '/auth/oauth2/token',
      resource: 'me',
      retry: 'create',
      body: {},
    });
    expect(bare.data).toEqual({ access_token: 'x' });
  });

  it('throws CalComUnexpectedResponseError with the failing path when data has the wrong shape', async () => {
    server.use(http.get(`${BASE}/me`, () => success({ id: 'seven' })));
    const error = await createExecutor()
      .execute({
        method: 'GET',
        path: '/me',
        resource: 'me',
        retry: 'idempotent',
        schema: v.object({ id: v.number() }),
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'data.id', status: 200, method: 'GET', url: `${BASE}/me` });
  });

  it('throws CalComUnexpectedResponseError for a success body that is not JSON', async () => {
    server.use(
      http.get(`${BASE}/me`, () => new HttpResponse('<html><body>Maintenance</body></html>', { status: 200 })),
    );
    const error = await createExecutor()
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: '', bodyExcerpt: 'Maintenance', retryable: false });
  });

  it('throws CalComUnexpectedResponseError for a truncated (malformed) JSON success body, without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return new HttpResponse('{"status":"success","data":{"id":', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    const error = await createExecutor()
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({
      path: '',
      status: 200,
      bodyExcerpt: '{"status":"success","data":{"id":',
      retryable: false,
      method: 'GET',
      url: `${BASE}/me`,
    });
    expect(calls).toBe(1);
  });

  it('maps a status:"error" envelope on HTTP 200 to an API error', async () => {
    server.use(
      http.get(`${BASE}/me`, () =>
        HttpResponse.json({ status: 'error', error: { code: 'SomethingWrong', message: 'Nope' } }, { status: 200 }),
      ),
    );
    const error = await createExecutor()
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'CalComAPIError', status: 200, code: 'SomethingWrong', serverMessage: 'Nope' });
  });
});

describe('RequestExecutor retries (D6)', () => {
  it('retries an idempotent GET on 503 with backoff 1 s, 2 s, 4 s, then throws the last error', async () => {
    useFakeTime();
    let calls = 0;
    server.use(
      http.get(`${BASE}/bookings`, () => {
        calls += 1;
        return HttpResponse.json({ statusCode: 503, message: 'Service Unavailable' }, { status: 503 });
      }),
    );
    const lines: LogLine[] = [];
    const promise = createExecutor({}, lines)
      .execute({ method: 'GET', path: '/bookings', resource: 'bookings', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(7000);
    const error = await promise;
    expect(error).toBeInstanceOf(CalComServerError);
    expect(calls).toBe(4);
    const retries = lines.filter((line) => line.level === 'warn');
    expect(retries.map((line) => line.details[0])).toEqual([
      { method: 'GET', path: '/bookings', attempt: 2, waitMs: 1000 },
      { method: 'GET', path: '/bookings', attempt: 3, waitMs: 2000 },
      { method: 'GET', path: '/bookings', attempt: 4, waitMs: 4000 },
    ]);
    expect(retries[0]?.message).toBe('[calcom-int] Retrying GET /bookings (attempt 2 of 4) in 1000 ms after HTTP 503.');
  });

  it.each([408, 429, 500, 502, 504])(
    'retries an idempotent GET on %i and returns the later success',
    async (status) => {
      useFakeTime();
      let calls = 0;
      server.use(
        http.get(`${BASE}/me`, () => {
          calls += 1;
          return calls === 1 ? HttpResponse.json({ statusCode: status, message: 'x' }, { status }) : success({ id: 1 });
        }),
      );
      const promise = createExecutor().execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
      await vi.advanceTimersByTimeAsync(1000);
      expect((await promise).data).toEqual({ id: 1 });
      expect(calls).toBe(2);
    },
  );

  it.each([
    [400, CalComValidationError],
    [401, CalComAuthError],
    [403, CalComAuthError],
    [404, CalComNotFoundError],
    [409, CalComConflictError],
    [422, CalComValidationError],
  ] as const)('does not retry %i and throws %o', async (status, expectedClass) => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return HttpResponse.json({ statusCode: status, message: 'x' }, { status });
      }),
    );
    const error = await createExecutor()
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(expectedClass);
    expect(error).toMatchObject({ status, retryable: false, method: 'GET', url: `${BASE}/me` });
    expect(calls).toBe(1);
  });

  it('retries an HTML error page from a proxy (502) on a GET and reports its text, not the markup', async () => {
    useFakeTime();
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return new HttpResponse(
          '<!DOCTYPE html><html><head><title>502</title></head><body><h1>Bad gateway</h1></body></html>',
          {
            status: 502,
            headers: { 'Content-Type': 'text/html' },
          },
        );
      }),
    );
    const promise = createExecutor({ maxRetries: 1 })
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await promise;
    expect(error).toBeInstanceOf(CalComServerError);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', retryable: true });
    expect((error as Error).message).toContain('Bad gateway');
    expect((error as Error).message).not.toContain('<h1>');
    expect(calls).toBe(2);
  });

  it.each([500, 502, 503, 504, 408])('does not retry a create on %i', async (status) => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/bookings`, () => {
        calls += 1;
        return HttpResponse.json({ statusCode: status, message: 'x' }, { status });
      }),
    );
    await expect(
      createExecutor().execute({ method: 'POST', path: '/bookings', resource: 'bookings', retry: 'create', body: {} }),
    ).rejects.toMatchObject({ status });
    expect(calls).toBe(1);
  });

  it('retries a create on 429, waiting X-RateLimit-Reset-Default seconds', async () => {
    useFakeTime();
    let calls = 0;
    server.use(
      http.post(`${BASE}/bookings`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { status: 'error', error: { code: 'ThrottlerException', message: 'Too many requests' } },
              { status: 429, headers: { 'X-RateLimit-Remaining-Default': '0', 'X-RateLimit-Reset-Default': '7' } },
            )
          : success({ uid: 'new' }, { status: 201 });
      }),
    );
    const lines: LogLine[] = [];
    const promise = createExecutor({}, lines).execute({
      method: 'POST',
      path: '/bookings',
      resource: 'bookings',
      retry: 'create',
      body: {},
    });
    await vi.advanceTimersByTimeAsync(6999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await promise).data).toEqual({ uid: 'new' });
    expect(calls).toBe(2);
    expect(lines.find((line) => line.level === 'warn')?.details[0]).toEqual({
      method: 'POST',
      path: '/bookings',
      attempt: 2,
      waitMs: 7000,
    });
  });

  it('honours Retry-After and throws CalComRateLimitError when the wait exceeds maxRetryWaitMs', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return HttpResponse.json(
          { statusCode: 429, message: 'slow down' },
          { status: 429, headers: { 'Retry-After': '120' } },
        );
      }),
    );
    const error = await createExecutor({ maxRetryWaitMs: 60_000 })
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComRateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, status: 429 });
    expect(calls).toBe(1);
  });

  it.each([
    ['X-RateLimit-Reset-Default', { 'X-RateLimit-Remaining-Default': '0', 'X-RateLimit-Reset-Default': '30' }],
    ['X-RateLimit-Reset', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' }],
    ['Retry-After', { 'Retry-After': '30' }],
  ])(
    'reports exactly 30 000 ms for a 30 s %s even when the clock moves while reading the response',
    async (_, headers) => {
      server.use(
        http.get(`${BASE}/me`, () =>
          HttpResponse.json({ statusCode: 429, message: 'slow down' }, { status: 429, headers }),
        ),
      );
      let time = Date.parse('2026-05-01T00:00:00Z');
      const tickingClock = {
        now: () => {
          time += 1;
          return time;
        },
        setTimer: systemClock.setTimer,
      };
      const resolved = resolveClientOptions(
        { apiKey: API_KEY, maxRetryWaitMs: 1000, logger: capturingLogger([]), logLevel: 'debug' },
        { env: {}, cwd: emptyFolder },
      );
      const error = await new RequestExecutor(resolved, { random: () => 0, clock: tickingClock })
        .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CalComRateLimitError);
      expect(error).toMatchObject({ retryAfterMs: 30_000, status: 429 });
    },
  );

  it('respects maxRetries per call', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 500 });
      }),
    );
    await expect(
      createExecutor().execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' }, { maxRetries: 0 }),
    ).rejects.toBeInstanceOf(CalComServerError);
    expect(calls).toBe(1);
  });

  it('retries an idempotent request after a connection reset, but not a create', async () => {
    useFakeTime();
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : success({ id: 1 });
      }),
      http.post(`${BASE}/bookings`, () => HttpResponse.error()),
    );
    const executor = createExecutor();
    const promise = executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    await vi.advanceTimersByTimeAsync(1000);
    expect((await promise).data).toEqual({ id: 1 });
    const error = await executor
      .execute({ method: 'POST', path: '/bookings', resource: 'bookings', retry: 'create', body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComNetworkError);
    expect(error).toMatchObject({ requestSent: true, retryable: true, method: 'POST', url: `${BASE}/bookings` });
  });

  it('retries a create when the connection was refused before sending', async () => {
    useFakeTime();
    let calls = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      calls += 1;
      if (calls === 1) {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        });
      }
      return globalThis.fetch(input, init);
    };
    server.use(http.post(`${BASE}/bookings`, () => success({ uid: 'b' }, { status: 201 })));
    const promise = createExecutor({ fetch }).execute({
      method: 'POST',
      path: '/bookings',
      resource: 'bookings',
      retry: 'create',
      body: {},
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect((await promise).data).toEqual({ uid: 'b' });
    expect(calls).toBe(2);
  });
});

describe('RequestExecutor timeout and abort', () => {
  it('times out an attempt and throws CalComTimeoutError (requestSent) after retries', async () => {
    useFakeTime();
    server.use(http.get(`${BASE}/me`, () => new Promise<never>(() => {})));
    const promise = createExecutor({ timeoutMs: 500, maxRetries: 1 })
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500 + 1000 + 500);
    const error = await promise;
    expect(error).toBeInstanceOf(CalComTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 500, requestSent: true, retryable: true });
    expect((error as Error).message).toBe(
      'GET /me timed out after 500 ms. Cal.com may be slow or unreachable; retry later or raise timeoutMs. For a write, check whether it happened before sending it again.',
    );
  });

  it('rethrows the caller abort reason without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return new Promise<never>(() => {});
      }),
    );
    const controller = new AbortController();
    const promise = createExecutor().execute(
      { method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(calls).toBe(1));
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it('rejects at once when the signal is already aborted, and aborts a retry wait', async () => {
    useFakeTime();
    const executor = createExecutor();
    const aborted = AbortSignal.abort(new Error('early'));
    await expect(
      executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' }, { signal: aborted }),
    ).rejects.toThrow('early');
    server.use(http.get(`${BASE}/me`, () => new HttpResponse(null, { status: 503 })));
    const controller = new AbortController();
    const promise = executor
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' }, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500);
    controller.abort(new Error('stop waiting'));
    expect(await promise).toEqual(new Error('stop waiting'));
  });
});

describe('RequestExecutor rate limits (D8)', () => {
  it('exposes the snapshot and waits for the reset when remaining is 0', async () => {
    useFakeTime();
    const sent: number[] = [];
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        sent.push(fakeNow());
        return success(
          { id: 1 },
          {
            headers: {
              'X-RateLimit-Limit-Default': '120',
              'X-RateLimit-Remaining-Default': calls === 1 ? '0' : '119',
              'X-RateLimit-Reset-Default': '30',
            },
          },
        );
      }),
    );
    const executor = createExecutor();
    const start = fakeNow();
    const first = await executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    expect(first.rateLimit).toEqual({
      name: 'Default',
      limit: 120,
      remaining: 0,
      resetAt: start + 30_000,
      observedAt: start,
    });
    expect(executor.rateLimit).toEqual(first.rateLimit);
    const second = executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(sent).toEqual([start, start + 30_000]);
    expect(executor.rateLimit?.remaining).toBe(119);
  });

  it('sends anyway when waitOnExhausted is false, and refuses without sending when the reset is beyond maxRetryWaitMs', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return success({ id: 1 }, { headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '90' } });
      }),
    );
    const eager = createExecutor({ rateLimit: { waitOnExhausted: false } });
    await eager.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    await eager.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    expect(calls).toBe(2);
    expect(eager.rateLimit?.name).toBeUndefined();
    const patient = createExecutor({ maxRetryWaitMs: 1000 });
    await patient.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    const error = await patient
      .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComRateLimitError);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXHAUSTED' });
    expect(calls).toBe(3);
  });

  it('caps concurrency with a FIFO queue', async () => {
    const order: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    server.use(
      http.get(`${BASE}/schedules/:id`, async ({ params }) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        order.push(String(params.id));
        await new Promise<void>((resolve) => gates.push(resolve));
        inFlight -= 1;
        return success({ id: params.id });
      }),
    );
    const executor = createExecutor({ rateLimit: { maxConcurrent: 2 } });
    const calls = ['1', '2', '3', '4'].map((id) =>
      executor.execute({ method: 'GET', path: `/schedules/${id}`, resource: 'schedules', retry: 'idempotent' }),
    );
    await vi.waitFor(() => expect(gates.length).toBe(2));
    expect(order).toEqual(['1', '2']);
    gates.shift()?.();
    await vi.waitFor(() => expect(gates.length).toBe(2));
    gates.shift()?.();
    await vi.waitFor(() => expect(order).toEqual(['1', '2', '3', '4']));
    for (const gate of gates.splice(0)) {
      gate();
    }
    await Promise.all(calls);
    expect(peak).toBe(2);
  });
});

describe('RequestExecutor circuit breaker (D9)', () => {
  it('opens after consecutive transient failures, fails fast, half-opens one trial and closes on success', async () => {
    useFakeTime();
    let calls = 0;
    let healthy = false;
    server.use(
      http.get(`${BASE}/me`, () => {
        calls += 1;
        return healthy ? success({ id: 1 }) : new HttpResponse(null, { status: 502 });
      }),
    );
    const executor = createExecutor({ circuitBreaker: { failureThreshold: 2, cooldownMs: 10_000 }, maxRetries: 0 });
    const get = () => executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    await expect(get()).rejects.toBeInstanceOf(CalComServerError);
    await expect(get()).rejects.toBeInstanceOf(CalComServerError);
    expect(executor.circuitState).toBe('open');
    const open = await get().catch((caught: unknown) => caught);
    expect(open).toBeInstanceOf(CalComCircuitOpenError);
    expect(open).toMatchObject({ retryAfterMs: 10_000, retryable: true });
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(get()).rejects.toBeInstanceOf(CalComServerError);
    expect(executor.circuitState).toBe('open');
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(10_000);
    healthy = true;
    expect((await get()).data).toEqual({ id: 1 });
    expect(executor.circuitState).toBe('closed');
  });

  it('does not count 4xx, and can be turned off', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json({ statusCode: 404, message: 'x' }, { status: 404 })));
    const executor = createExecutor({ circuitBreaker: { failureThreshold: 1 } });
    await expect(
      executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(executor.circuitState).toBe('closed');
    const off = createExecutor({ circuitBreaker: false, maxRetries: 0 });
    server.use(http.get(`${BASE}/me`, () => new HttpResponse(null, { status: 500 })));
    for (let index = 0; index < 6; index += 1) {
      await expect(
        off.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' }),
      ).rejects.toBeInstanceOf(CalComServerError);
    }
    expect(off.circuitState).toBe('closed');
  });
});

describe('RequestExecutor token refresh (D3)', () => {
  it('refreshes once on 401 and repeats with the new token', async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        tokens.push(request.headers.get('authorization'));
        return tokens.length === 1
          ? HttpResponse.json({ statusCode: 401, message: 'expired' }, { status: 401 })
          : success({ id: 1 });
      }),
    );
    const refreshToken = vi.fn(async () => 'fresh_access_token_123');
    const result = await createExecutor({ refreshToken }).execute({
      method: 'GET',
      path: '/me',
      resource: 'me',
      retry: 'idempotent',
    });
    expect(result.data).toEqual({ id: 1 });
    expect(tokens).toEqual([`Bearer ${API_KEY}`, 'Bearer fresh_access_token_123']);
    expect(refreshToken).toHaveBeenCalledTimes(1);
  });

  it('throws CalComAuthError when the refreshed token is refused too', async () => {
    server.use(
      http.get(`${BASE}/me`, () =>
        HttpResponse.json({ statusCode: 498, message: 'ACCESS_TOKEN_IS_EXPIRED' }, { status: 498 }),
      ),
    );
    const refreshToken = vi.fn(async () => 'fresh_access_token_123');
    await expect(
      createExecutor({ refreshToken }).execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' }),
    ).rejects.toBeInstanceOf(CalComAuthError);
    expect(refreshToken).toHaveBeenCalledTimes(1);
  });
});
