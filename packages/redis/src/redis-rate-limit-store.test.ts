import { rateLimitKey } from '@calcom-int/core';
import { TEST_API_KEY } from '@calcom-int/testkit/vitest';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RedisProcess, startRedis } from '../test/redis-server';
import { createRedisConnection } from './connection';
import { type RedisRateLimitEvent, RedisRateLimitStore } from './redis-rate-limit-store';

let server: RedisProcess;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = createRedisConnection(server.url);
  await ready(redis);
});

afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

beforeEach(async () => {
  // A test may restart the server: the shared connection reconnects on its own, so wait for it before flushing.
  await ready(redis);
  await redis.flushall();
});

/** Waits until the connection is ready again after a restart. */
async function ready(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
}

describe('RedisRateLimitStore', () => {
  it('grants limit requests per window per key across store instances, keyed by the hash only', async () => {
    const key = rateLimitKey(TEST_API_KEY);
    const first = new RedisRateLimitStore({ redis, limit: 3, windowMs: 60_000 });
    const second = new RedisRateLimitStore({ redis, limit: 3, windowMs: 60_000 });
    const answers = [await first.take(key), await second.take(key), await first.take(key), await second.take(key)];
    expect(answers.slice(0, 3)).toEqual([{ granted: true }, { granted: true }, { granted: true }]);
    expect(answers[3]).toEqual({ granted: false, retryInMs: expect.any(Number) });
    const wait = answers[3] as { retryInMs: number };
    expect(wait.retryInMs).toBeGreaterThan(59_000);
    expect(wait.retryInMs).toBeLessThanOrEqual(60_250);
    expect(await first.take(rateLimitKey('cal_other_key'))).toEqual({ granted: true });
    const keys = await redis.keys('*');
    expect(keys.sort()).toEqual([`calcom-int:rate:${key}`, `calcom-int:rate:${rateLimitKey('cal_other_key')}`].sort());
    expect(keys.join(' ')).not.toContain(TEST_API_KEY);
    expect(await redis.zcard(`calcom-int:rate:${key}`)).toBe(3);
  });

  it('falls back to a local fraction of the limit with a warning while Redis is down, and recovers', async () => {
    const warnings: string[] = [];
    const notes: string[] = [];
    const events: RedisRateLimitEvent['type'][] = [];
    const connection = createRedisConnection(server.url);
    await ready(connection);
    const store = new RedisRateLimitStore({
      redis: connection,
      limit: 8,
      windowMs: 60_000,
      logger: { warn: (message) => warnings.push(message), info: (message) => notes.push(message) },
      onEvent: (event) => events.push(event.type),
    });
    const key = rateLimitKey(TEST_API_KEY);
    expect(await store.take(key)).toEqual({ granted: true });
    await server.stop();
    const local = [await store.take(key), await store.take(key), await store.take(key)];
    expect(store.isDegraded).toBe(true);
    // The local budget (8 / 4 = 2) already counts this process's grant taken through Redis.
    expect(local.map((answer) => answer.granted)).toEqual([true, false, false]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Redis is unreachable \(.+\); using a local rate budget of a fraction of the limit until it answers again\.$/,
    );
    await server.start();
    await ready(connection);
    expect(await store.take(key)).toEqual({ granted: true });
    expect(store.isDegraded).toBe(false);
    expect(notes).toEqual(['Redis answers again; the shared rate budget is back.']);
    // The restarted Redis is empty: the local grant of this window was written back, then this one was taken.
    expect(await connection.zcard(`calcom-int:rate:${key}`)).toBe(2);
    expect(events).toEqual(['granted', 'degraded', 'granted', 'wait', 'wait', 'recovered', 'granted']);
    connection.disconnect();
  });

  it('refuses options that are not whole numbers, naming them', () => {
    expect(() => new RedisRateLimitStore({ redis, limit: 0 })).toThrow(
      'RedisRateLimitStore: limit must be a whole number greater than 0, got 0. Omit it for the default.',
    );
    expect(() => new RedisRateLimitStore({ redis, marginMs: -1 })).toThrow(
      'RedisRateLimitStore: marginMs must be a whole number of at least 0, got -1. Omit it for the default.',
    );
  });
});
