import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createCalComSimulator } from '@calcom-int/testkit';
import { buildBooking, buildMe, buildPagination, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { type CalComServer, startCalComServer } from '@calcom-int/testkit/server';
import { server, TEST_API_KEY } from '@calcom-int/testkit/vitest';
import { HttpResponse, http, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClient } from '../../test/support/test-client';
import { CalComClient } from '../client';
import { type CalComClientOptions, DEFAULT_MAX_RESPONSE_BYTES, resolveClientOptions } from '../client-options';
import {
  CalComConfigError,
  CalComError,
  CalComRedirectError,
  CalComResponseTooLargeError,
  CalComServerError,
  CalComUnexpectedResponseError,
  CalComValidationError,
} from '../errors';
import { RequestExecutor } from './request-loop';

const BASE = 'https://api.cal.com/v2';
const EVIL = 'https://evil.example';
const emptyFolder = mkdtempSync(join(tmpdir(), 'calcom-core-untrusted-'));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/**
 * Creates a request executor on the test origin (for writes, which no read method sends).
 *
 * @param options Extra client options.
 * @returns The executor.
 */
function createExecutor(options: CalComClientOptions = {}): RequestExecutor {
  const executor = new RequestExecutor(
    resolveClientOptions({ apiKey: TEST_API_KEY, baseUrl: BASE, ...options }, { env: {}, cwd: emptyFolder }),
    { random: () => 0 },
  );
  closers.push(() => executor.close());
  return executor;
}

/**
 * Counts the requests that reach another origin (they must be none: the client follows no redirect).
 *
 * @returns The counter.
 */
function watchEvilOrigin(): { hits: number } {
  const counter = { hits: 0 };
  server.use(
    http.all(`${EVIL}/*`, () => {
      counter.hits += 1;
      return HttpResponse.json(success(buildMe({ email: 'attacker@evil.example' })));
    }),
  );
  return counter;
}

/**
 * Runs a call and returns what it threw.
 *
 * @param call The call.
 * @returns The error, or the result when it did not throw.
 */
async function caught(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    return error;
  }
}

/** `[[[…]]]` nested `depth` levels deep, as text. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('redirects are never followed (msw)', () => {
  it.each([301, 302, 303, 307, 308])('a read answered %i throws CalComRedirectError, sent once', async (status) => {
    const evil = watchEvilOrigin();
    let sent = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        sent += 1;
        return new HttpResponse(null, {
          status,
          headers: { Location: `${EVIL}/v2/me?token=abc123&next=/x`, 'X-Request-Id': 'req-3xx' },
        });
      }),
    );
    const error = await caught(() => createTestClient({ maxRetries: 3 }).me.get());
    expect(error).toBeInstanceOf(CalComRedirectError);
    expect(CalComError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'CalComRedirectError',
      status,
      location: EVIL,
      requestId: 'req-3xx',
      method: 'GET',
      url: `${BASE}/me`,
      retryable: false,
    });
    const message = (error as Error).message;
    expect(message).toBe(
      `GET /v2/me was answered ${status} (a redirect) to ${EVIL}. The client does not follow redirects: an answer from another origin is not Cal.com's, and a 307/308 would resend the request body there. The request reached a server at https://api.cal.com but was not accepted by Cal.com's API. Check baseUrl: it must be the API itself, e.g. https://api.cal.com/v2 or https://api.cal.eu/v2 (https, no proxy or old host that redirects).`,
    );
    for (const shown of [message, JSON.stringify(error), inspect(error)]) {
      expect(shown).not.toContain('abc123');
      expect(shown).not.toContain('/v2/me?token');
    }
    expect(sent).toBe(1);
    expect(evil.hits).toBe(0);
  });

  it('a write answered 307 is not resent anywhere and says it was not accepted by Cal.com', async () => {
    const evil = watchEvilOrigin();
    const bodies: unknown[] = [];
    server.use(
      http.post(`${BASE}/bookings`, async ({ request }) => {
        bodies.push(await request.json());
        return new HttpResponse('Moved', { status: 307, headers: { Location: `${EVIL}/collect` } });
      }),
    );
    const error = await caught(() =>
      createExecutor({ maxRetries: 3 }).execute({
        method: 'POST',
        path: '/bookings',
        body: { attendee: { email: 'ann@example.com' } },
        resource: 'bookings',
        retry: 'create',
      }),
    );
    expect(error).toBeInstanceOf(CalComRedirectError);
    expect((error as Error).message).toContain(
      "The request reached a server at https://api.cal.com but was not accepted by Cal.com's API, so treat the write as not done.",
    );
    expect(bodies).toEqual([{ attendee: { email: 'ann@example.com' } }]);
    expect(evil.hits).toBe(0);
  });

  it('names the origin of a relative location, and says when there is none or it is not http', async () => {
    server.use(
      respondOnce('GET', '/v2/me', 302, '', { Location: '/v2/elsewhere?token=1' }),
      respondOnce('GET', '/v2/event-types', 300, ''),
      respondOnce('GET', '/v2/schedules', 301, '', { Location: 'javascript:alert(1)' }),
      respondOnce('GET', '/v2/webhooks', 301, '', { Location: 'http://[::1' }),
    );
    const client = createTestClient();
    expect(await caught(() => client.me.get())).toMatchObject({ status: 302, location: 'https://api.cal.com' });
    for (const call of [() => client.eventTypes.list(), () => client.schedules.list(), () => client.webhooks.list()]) {
      const error = await caught(call);
      expect(error).toBeInstanceOf(CalComRedirectError);
      expect(error).toMatchObject({ location: undefined });
      expect((error as Error).message).toContain('(a redirect) to an unnamed location.');
    }
  });

  it('refuses an opaque redirect and an answer that a custom fetch got by following a redirect', async () => {
    const opaque = { status: 0, headers: new Headers(), body: null };
    const followed = new Response(JSON.stringify(success(buildMe())), { status: 200 });
    Object.defineProperty(followed, 'redirected', { value: true });
    Object.defineProperty(followed, 'url', { value: `${EVIL}/v2/me?token=abc` });
    const answers: unknown[] = [opaque, followed];
    const client = createTestClient({ fetch: async () => answers.shift() as Response });
    const hidden = await caught(() => client.me.get());
    expect(hidden).toBeInstanceOf(CalComRedirectError);
    expect(hidden).toMatchObject({ status: 0, location: undefined });
    expect((hidden as Error).message).toContain(
      'GET /v2/me was answered with a redirect that the fetch implementation hides (an opaque redirect) to an unnamed location.',
    );
    const redirected = await caught(() => client.me.get());
    expect(redirected).toBeInstanceOf(CalComRedirectError);
    expect(redirected).toMatchObject({ status: 0, location: EVIL });
    expect((redirected as Error).message).toContain(
      'GET /v2/me was redirected (the fetch implementation followed it despite redirect: "manual") to https://evil.example.',
    );
  });
});

describe('redirects are never followed (real sockets)', () => {
  let calcom: CalComServer;

  /**
   * Starts a loopback Cal.com simulator and, in front of it, a proxy that redirects every request there with `status`.
   * Both origins are let through msw.
   *
   * @param status The redirect status.
   * @returns The proxy's base URL and the requests it saw.
   */
  async function redirectingProxy(status: number): Promise<{ baseUrl: string; seen: string[] }> {
    calcom = await startCalComServer({ simulator: createCalComSimulator({ rateLimit: { enabled: false } }) });
    closers.push(() => calcom.close());
    const seen: string[] = [];
    const proxy = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        seen.push(`${request.method} ${request.url} ${body}`.trim());
        response.writeHead(status, { Location: `${calcom.url}${(request.url ?? '').replace(/^\/v2/, '')}` });
        response.end();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          proxy.closeAllConnections();
          proxy.close(() => resolve());
        }),
    );
    const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    server.use(
      http.all(`${origin}/*`, () => passthrough()),
      http.all(`${new URL(calcom.url).origin}/*`, () => passthrough()),
    );
    return { baseUrl: `${origin}/v2`, seen };
  }

  it('a 308 to a working simulator is not followed: the simulator sees nothing', async () => {
    const proxy = await redirectingProxy(308);
    const client = new CalComClient({ apiKey: calcom.apiKey, baseUrl: proxy.baseUrl, circuitBreaker: false });
    closers.push(() => client.close());
    const error = await caught(() => client.me.get());
    expect(error).toBeInstanceOf(CalComRedirectError);
    expect(error).toMatchObject({ status: 308, location: new URL(calcom.url).origin });
    expect(proxy.seen).toEqual(['GET /v2/me']);
    expect(calcom.simulator.requests).toEqual([]);
  });

  it('a 307 on a write does not resend its body to the target', async () => {
    const proxy = await redirectingProxy(307);
    const executor = createExecutor({ apiKey: calcom.apiKey, baseUrl: proxy.baseUrl });
    const error = await caught(() =>
      executor.execute({
        method: 'POST',
        path: '/bookings',
        body: { attendee: { name: 'Ann Lee', email: 'ann@example.com' } },
        resource: 'bookings',
        retry: 'create',
      }),
    );
    expect(error).toBeInstanceOf(CalComRedirectError);
    expect(proxy.seen).toEqual(['POST /v2/bookings {"attendee":{"name":"Ann Lee","email":"ann@example.com"}}']);
    expect(calcom.simulator.requests).toEqual([]);
  });
});

describe('maxResponseBytes', () => {
  it(`defaults to 10 MiB (${DEFAULT_MAX_RESPONSE_BYTES} bytes) and is checked`, () => {
    const resolve = (maxResponseBytes?: number) =>
      resolveClientOptions(
        { apiKey: TEST_API_KEY, ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }) },
        { env: {}, cwd: emptyFolder },
      ).maxResponseBytes;
    expect(resolve()).toBe(10 * 1024 * 1024);
    expect(resolve(1)).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      const error = caughtSync(() => resolve(bad));
      expect(error).toBeInstanceOf(CalComConfigError);
      expect(error).toMatchObject({ field: 'maxResponseBytes' });
      expect((error as Error).message).toBe(
        `maxResponseBytes must be a whole number of bytes of at least 1, got ${String(bad)}. Omit it to use 10485760 (10 MiB).`,
      );
    }
  });

  it('a success answer above the limit throws CalComResponseTooLargeError naming the option, not retried', async () => {
    let sent = 0;
    const body = JSON.stringify(success(buildMe({ bio: 'x'.repeat(2000) })));
    server.use(
      http.get(`${BASE}/me`, () => {
        sent += 1;
        return new HttpResponse(body, {
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length), 'X-Request-Id': 'r' },
        });
      }),
    );
    const error = await caught(() => createTestClient({ maxResponseBytes: 1000, maxRetries: 3 }).me.get());
    expect(error).toBeInstanceOf(CalComResponseTooLargeError);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({
      name: 'CalComResponseTooLargeError',
      limitBytes: 1000,
      contentLength: body.length,
      status: 200,
      path: '',
      requestId: 'r',
      retryable: false,
    });
    expect((error as Error).message).toBe(
      `Cal.com's answer to GET /v2/me (200) is larger than maxResponseBytes (1000 bytes; content-length ${body.length}), so the client stopped reading it. A page of 100 bookings is about 100 KB: narrow the request (filters, a smaller limit), or raise the maxResponseBytes client option if answers this large are expected. For a write, check whether it happened before sending it again.`,
    );
    expect(sent).toBe(1);
    expect((error as CalComResponseTooLargeError).toJSON()).toMatchObject({
      name: 'CalComResponseTooLargeError',
      limitBytes: 1000,
      contentLength: body.length,
      path: '',
      status: 200,
    });
  });

  it('a streamed answer without content-length above the limit is cut too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(600));
    server.use(
      http.get(`${BASE}/me`, () => {
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.enqueue(chunk);
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const error = await caught(() => createTestClient({ maxResponseBytes: 1000 }).me.get());
    expect(error).toBeInstanceOf(CalComResponseTooLargeError);
    expect(error).toMatchObject({ contentLength: undefined });
    expect((error as Error).message).toContain('is larger than maxResponseBytes (1000 bytes), so the client');
  });

  it('an error answer above the limit keeps its status error (and its retries)', async () => {
    let sent = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        sent += 1;
        return new HttpResponse(`<html><body>${'down '.repeat(1000)}</body></html>`, {
          status: 503,
          headers: { 'Content-Type': 'text/html' },
        });
      }),
    );
    const error = await caught(() => createTestClient({ maxResponseBytes: 1000, maxRetries: 0 }).me.get());
    expect(error).toBeInstanceOf(CalComServerError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(sent).toBe(1);
  });
});

/**
 * Runs a synchronous call and returns what it threw.
 *
 * @param call The call.
 * @returns The error, or the result.
 */
function caughtSync(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return error;
  }
}

describe('malformed and pathological bodies become CalComUnexpectedResponseError', () => {
  it.each([
    ['data nested 5,000 levels', `{"status":"success","data":${nested(5000)}}`],
    ['a whole body nested 5,000 levels', nested(5000)],
    ['data nested 100,000 levels (a raw RangeError before)', `{"status":"success","data":${nested(100_000)}}`],
    [
      'metadata nested 100 levels in a valid profile',
      JSON.stringify(success({ ...buildMe(), metadata: 0 })).replace(
        '"metadata":0',
        `"metadata":${`{"a":`.repeat(100)}1${'}'.repeat(100)}`,
      ),
    ],
    ['an id of 1e400 (Infinity)', JSON.stringify(success(buildMe())).replace('"id":1001', '"id":1e400')],
    ['truncated JSON', '{"status":"success","data":{"id":10'],
    ['NaN', '{"status":"success","data":{"id":NaN}}'],
  ])('%s', async (_name, body) => {
    server.use(respondOnce('GET', '/v2/me', 200, body, { 'content-type': 'application/json' }));
    const error = await caught(() => createTestClient().me.get());
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).not.toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ path: '', status: 200 });
    // The error itself is safe to print.
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(() => inspect(error)).not.toThrow();
  });

  it('a success body that is not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"status":"success","data":{"name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}'),
    ]);
    server.use(
      http.get(`${BASE}/me`, () => new HttpResponse(bytes, { headers: { 'Content-Type': 'application/json' } })),
    );
    const error = await caught(() => createTestClient().me.get());
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect((error as Error).message).toContain('with a body that is not valid UTF-8, so the result is unknown.');
  });

  it('an error body nested 5,000 levels keeps its status error', async () => {
    server.use(
      respondOnce(
        'GET',
        '/v2/me',
        400,
        `{"status":"error","error":{"code":"BadRequestException","message":"Bad","details":{"errors":${nested(5000)}}}}`,
      ),
    );
    const error = await caught(() => createTestClient().me.get());
    expect(error).toBeInstanceOf(CalComValidationError);
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it.each([
    ['empty body', ''],
    ['data null', JSON.stringify(success(null))],
  ])('%s where data is expected', async (_name, body) => {
    server.use(respondOnce('GET', '/v2/me', 200, body));
    const error = await caught(() => createTestClient().me.get());
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'data' });
  });

  it('204 where data is expected', async () => {
    server.use(http.get(`${BASE}/me`, () => new HttpResponse(null, { status: 204 })));
    const error = await caught(() => createTestClient().me.get());
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'data', status: 204 });
  });
});

describe('ids are positive safe integers', () => {
  it.each([
    ['1e308', 1e308],
    ['0', 0],
    ['-7', -7],
    ['1.5', 1.5],
    ['2^53 + 2', 2 ** 53 + 2],
  ])('an id of %s is refused with the field named', async (_name, id) => {
    server.use(respondOnce('GET', '/v2/event-types/3002', 200, success({ ...eventTypeDto(), id })));
    const error = await caught(() => createTestClient().eventTypes.get(3002));
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'data.id' });
    expect((error as Error).message).toContain(
      'data.id: Expected an id: a positive whole number no larger than Number.MAX_SAFE_INTEGER.',
    );
  });

  it('a nested id (a booking host) is checked the same way', async () => {
    const booking = buildBooking();
    server.use(
      respondOnce(
        'GET',
        '/v2/bookings',
        200,
        success([{ ...booking, hosts: [{ ...booking.hosts[0], id: 1e308 }] }], buildPagination({ totalItems: 1 })),
      ),
    );
    const error = await caught(() => createTestClient().bookings.list());
    expect(error).toMatchObject({ path: 'data.0.hosts.0.id' });
  });
});

describe('__proto__ in an answer never reaches a prototype', () => {
  it('drops __proto__ and constructor keys at any depth of a booking', async () => {
    const body = JSON.stringify(success([buildBooking()], buildPagination({ totalItems: 1 }))).replace(
      '"metadata":{}',
      '"metadata":{"__proto__":{"polluted":1},"nested":{"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}},"keep":true}}',
    );
    server.use(respondOnce('GET', '/v2/bookings', 200, body, { 'content-type': 'application/json' }));
    const page = await createTestClient().bookings.list();
    const metadata = page.items[0]?.metadata as Record<string, Record<string, unknown>>;
    expect(metadata).toEqual({ nested: { keep: true } });
    expect(Object.hasOwn(metadata.nested as object, '__proto__')).toBe(false);
    // What a caller's naive copy or merge would do:
    expect(Object.getPrototypeOf(Object.assign({}, metadata.nested))).toBe(Object.prototype);
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/**
 * Builds the event type 3002 as the simulator serves it, with only the fields the model needs.
 *
 * @returns The event type DTO.
 */
function eventTypeDto(): Record<string, unknown> {
  return { id: 3002, title: 'Intro', slug: 'intro', lengthInMinutes: 30 };
}
