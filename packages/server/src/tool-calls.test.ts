import { RedisWriteLedger } from '@calcom-int/redis';
import { simulator, TEST_API_KEY } from '@calcom-int/testkit/vitest';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../../redis/src/connection';
import { type RedisProcess, startRedis } from '../../redis/test/redis-server';
import { connect, startTestServer, textOf } from '../test/support';
import type { McpHttpServer } from './http-server';
import { canonicalJson, IDEMPOTENCY_META_KEY } from './tool-calls';

const BOOKING = {
  event_type_id: 3002,
  start_time: '2026-06-03T10:00:00Z',
  end_time: '2026-06-03T10:30:00Z',
  attendee_name: 'Grace Hopper',
  attendee_email: 'grace@example.com',
  attendee_timezone: 'America/New_York',
};

let redisServer: RedisProcess;
let redis: Redis;
let running: McpHttpServer | undefined;

beforeAll(async () => {
  redisServer = await startRedis();
  redis = createRedisConnection(redisServer.url);
  await new Promise((resolve) => redis.once('ready', resolve));
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await redis.flushall();
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
});

describe('writes through the ledger', () => {
  it('answers a retried write with the same idempotency key from the ledger, without booking twice', async () => {
    const { server } = await startTestServer({ ledger: new RedisWriteLedger({ redis }) });
    running = server;
    const client = await connect(server.url, TEST_API_KEY);
    const before = simulator().state.bookings.length;
    const call = () =>
      client.callTool({ name: 'create_booking', arguments: BOOKING, _meta: { [IDEMPOTENCY_META_KEY]: 'call-1' } });
    const first = await call();
    const second = await call();
    expect(first.isError).toBeUndefined();
    expect(textOf(second)).toBe(textOf(first));
    expect(simulator().state.bookings.length).toBe(before + 1);
    const metrics = await server.metrics.registry.getSingleMetricAsString('calcom_mcp_writes_total');
    expect(metrics).toContain('calcom_mcp_writes_total{outcome="executed"} 1');
    expect(metrics).toContain('calcom_mcp_writes_total{outcome="replayed"} 1');
    await client.close();
  });

  it('without a key, de-duplicates the same input, and never de-duplicates reads', async () => {
    const { server } = await startTestServer({ ledger: new RedisWriteLedger({ redis }) });
    running = server;
    const client = await connect(server.url, TEST_API_KEY);
    const before = simulator().state.bookings.length;
    await client.callTool({ name: 'create_booking', arguments: BOOKING });
    await client.callTool({ name: 'create_booking', arguments: { ...BOOKING } });
    expect(simulator().state.bookings.length).toBe(before + 1);
    const requests = simulator().requests.length;
    await client.callTool({ name: 'list_teams', arguments: {} });
    await client.callTool({ name: 'list_teams', arguments: {} });
    expect(simulator().requests.length - requests).toBeGreaterThan(1);
    const keys = await redis.keys('*');
    expect(keys).toHaveLength(1);
    expect(keys.join(' ')).not.toContain(TEST_API_KEY);
    await client.close();
  });

  it('forgets a write that failed for sure, so that it can be sent again', async () => {
    const { server } = await startTestServer({ ledger: new RedisWriteLedger({ redis }) });
    running = server;
    const client = await connect(server.url, TEST_API_KEY);
    const invalid = await client.callTool({ name: 'create_booking', arguments: { ...BOOKING, event_type_id: 'x' } });
    expect(invalid.isError).toBe(true);
    expect(await redis.keys('*')).toEqual([]);
    await client.close();
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1,"e":null}',
    );
  });
});
