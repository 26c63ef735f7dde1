import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { server, TEST_CLIENT_OPTIONS, TEST_NOW } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveClientOptions } from '../../client-options';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { RequestExecutor } from '../../internal/request-loop';
import type { ResourceContext } from './context';
import { collectPages, MAX_REMEMBERED_KEYS, mapConcurrently, SeenKeys } from './page-walk';

const executors: RequestExecutor[] = [];

afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
});

/**
 * Creates a resource context on a real request executor against the test origin.
 *
 * @returns The context.
 */
function testContext(): ResourceContext {
  const options = resolveClientOptions(
    { ...TEST_CLIENT_OPTIONS, maxRetries: 0 },
    { env: {}, cwd: mkdtempSync(join(tmpdir(), 'calcom-core-walk-')) },
  );
  const executor = new RequestExecutor(options);
  executors.push(executor);
  return { executor, baseUrl: options.baseUrl, now: () => TEST_NOW };
}

describe('SeenKeys', () => {
  it('tells a new key from a repeated one', () => {
    const seen = new SeenKeys();
    expect([seen.add('a'), seen.add('b'), seen.add('a')]).toEqual([true, true, false]);
  });

  it(`remembers the last ${MAX_REMEMBERED_KEYS} keys by default and forgets the oldest first`, () => {
    const seen = new SeenKeys();
    for (let index = 0; index < MAX_REMEMBERED_KEYS; index += 1) seen.add(`k${index}`);
    expect(seen.add('k0')).toBe(false);
    expect(seen.add('one more')).toBe(true);
    // k0 was the oldest: forgotten to make room.
    expect(seen.add('k0')).toBe(true);
    const small = new SeenKeys(2);
    expect([small.add('a'), small.add('b'), small.add('c'), small.add('b'), small.add('a')]).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
  });
});

describe('mapConcurrently', () => {
  it('keeps the order of the results and handles an empty list', async () => {
    expect(await mapConcurrently([3, 1, 2], 2, async (item) => item * 10)).toEqual([30, 10, 20]);
    expect(await mapConcurrently([], 4, async (item: number) => item)).toEqual([]);
  });

  it('starts nothing after the first failure and throws it', async () => {
    const started: number[] = [];
    const failure = new Error('lookup failed');
    const result = mapConcurrently([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      if (item === 2) throw failure;
      return item;
    });
    await expect(result).rejects.toBe(failure);
    expect(started).toEqual([1, 2, 3]);
  });
});

describe('collectPages', () => {
  /** Serves endless full pages of new items: every page has `take` fresh ids. */
  function serveEndlessPages(): void {
    server.use(
      http.get('https://api.cal.com/v2/webhooks', ({ request }) => {
        const query = new URL(request.url).searchParams;
        const skip = Number(query.get('skip'));
        const take = Number(query.get('take'));
        return HttpResponse.json(
          { status: 'success', data: Array.from({ length: take }, (_, index) => ({ id: skip + index + 1 })) },
          { headers: { 'X-Request-Id': `req-${skip}` } },
        );
      }),
    );
  }

  it('stops a list that never ends at maxItems with CalComUnexpectedResponseError', async () => {
    serveEndlessPages();
    const error = await collectPages(
      testContext(),
      {
        what: 'webhooks',
        pageSize: 10,
        maxItems: 25,
        key: (item: { id: number }) => String(item.id),
        request: (skip) => ({
          method: 'GET',
          path: '/webhooks',
          query: { take: 10, skip },
          resource: 'webhooks',
          retry: 'idempotent',
          schema: v.array(v.object({ id: v.number() })),
        }),
      },
      undefined,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({
      path: 'data',
      requestId: 'req-20',
      url: 'https://api.cal.com/v2/webhooks?take=10&skip=20',
    });
    expect((error as Error).message).toBe(
      'Stopped reading webhooks from GET /v2/webhooks: more than 25 arrived and Cal.com still sent full pages, the most the client collects in one call. A list this long is unlikely to be real: check the base URL and the account, and report it with the request id.',
    );
  });
});
