import { simulator, TEST_API_KEY, TEST_NOW } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createTestClient } from '../../test/support/test-client';
import { CalComClient } from '../client';
import { CalComConfigError } from '../errors/config-error';
import { MemoryRateLimitStore, type RateLimitStore, type RateLimitTake, rateLimitKey } from './rate-limit-store';

/** A store that answers from a script and records the keys it was asked for. */
function scriptedStore(answers: RateLimitTake[]): RateLimitStore & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    async take(key) {
      keys.push(key);
      return answers.shift() ?? { granted: true };
    },
  };
}

describe('MemoryRateLimitStore', () => {
  it('grants limit requests per sliding window per key, then tells the wait until the oldest leaves', async () => {
    let now = TEST_NOW;
    const store = new MemoryRateLimitStore({ limit: 2, windowMs: 1000, now: () => now });
    expect(await store.take('a')).toEqual({ granted: true });
    now += 300;
    expect(await store.take('a')).toEqual({ granted: true });
    expect(await store.take('a')).toEqual({ granted: false, retryInMs: 700 });
    expect(await store.take('b')).toEqual({ granted: true });
    now += 700;
    expect(await store.take('a')).toEqual({ granted: true });
    expect(await store.take('a')).toEqual({ granted: false, retryInMs: 300 });
  });

  it("defaults to Cal.com's 120 requests per 60 s", async () => {
    const now = TEST_NOW;
    const store = new MemoryRateLimitStore({ now: () => now });
    const answers = await Promise.all(Array.from({ length: 121 }, () => store.take('k')));
    expect(answers.filter((answer) => answer.granted)).toHaveLength(120);
    expect(answers[120]).toEqual({ granted: false, retryInMs: 60_000 });
  });

  it('refuses a limit or window that is not a whole number above 0, naming the option', () => {
    expect(() => new MemoryRateLimitStore({ limit: 0 })).toThrow(
      new CalComConfigError(
        'MemoryRateLimitStore: limit must be a whole number greater than 0, got 0. Omit it for the default.',
        'limit',
      ),
    );
    expect(() => new MemoryRateLimitStore({ windowMs: 1.5 })).toThrow(
      'MemoryRateLimitStore: windowMs must be a whole number greater than 0, got 1.5. Omit it for the default.',
    );
  });
});

describe('rateLimitKey', () => {
  it('is a hash of the bare token, never the token', () => {
    const key = rateLimitKey(TEST_API_KEY);
    expect(key).toMatch(/^calcom:[0-9a-f]{32}$/);
    expect(key).not.toContain(TEST_API_KEY);
    expect(rateLimitKey(`Bearer ${TEST_API_KEY}`)).toBe(key);
    expect(rateLimitKey('cal_other')).not.toBe(key);
  });
});

describe('the rateLimitStore option', () => {
  it('takes every attempt from the shared budget under the key hash, and waits while it is used up', async () => {
    const store = scriptedStore([{ granted: false, retryInMs: 1 }, { granted: true }]);
    const client = createTestClient({ rateLimitStore: store });
    const user = await client.me.get();
    expect(user.username).toBe(simulator().state.users[0]?.username);
    expect(store.keys).toEqual([rateLimitKey(TEST_API_KEY), rateLimitKey(TEST_API_KEY)]);
    expect(simulator().requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /v2/me']);
    await client.close();
  });

  it('lets two clients of one key share one MemoryRateLimitStore', async () => {
    const now = TEST_NOW;
    const store = new MemoryRateLimitStore({ limit: 2, windowMs: 60_000, now: () => now });
    const first = createTestClient({ rateLimitStore: store });
    const second = createTestClient({ rateLimitStore: store });
    await first.me.get();
    await second.me.get();
    const controller = new AbortController();
    const later = createTestClient({ rateLimitStore: store });
    const third = later.me.get({ signal: controller.signal, maxRetries: 0 });
    controller.abort(new Error('stop waiting'));
    await expect(third).rejects.toThrow('stop waiting');
    expect(simulator().requests).toHaveLength(2);
    expect(await store.take(rateLimitKey(TEST_API_KEY))).toEqual({ granted: false, retryInMs: 60_000 });
    await Promise.all([first.close(), second.close(), later.close()]);
  });

  it('fails the call when the store fails, and frees the slot for the next call', async () => {
    let failing = true;
    const store: RateLimitStore = {
      async take() {
        if (failing) {
          throw new Error('store down');
        }
        return { granted: true };
      },
    };
    const client = createTestClient({ rateLimitStore: store, rateLimit: { maxConcurrent: 1 }, maxRetries: 0 });
    await expect(client.me.get()).rejects.toThrow('store down');
    failing = false;
    expect((await client.me.get()).id).toBe(1001);
    await client.close();
  });

  it('refuses a store without take(), naming the option', () => {
    expect(() => new CalComClient({ apiKey: TEST_API_KEY, rateLimitStore: {} as RateLimitStore })).toThrow(
      new CalComConfigError(
        'rateLimitStore must have a take(key) method (a RateLimitStore such as new MemoryRateLimitStore()). Omit it to use no shared budget.',
        'rateLimitStore',
      ),
    );
  });
});
