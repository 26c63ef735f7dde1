import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RedisProcess, startRedis } from '../test/redis-server';
import { createRedisConnection } from './connection';
import { RedisWriteLedger } from './write-ledger';

let server: RedisProcess;
let redis: Redis;

/** Waits until the connection is ready. */
async function ready(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
}

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
  await redis.flushall();
});

/** A write that counts its executions and answers a fixed result. */
function countingWrite(result: { ok: boolean; text: string }, found?: { ok: boolean; text: string }) {
  const calls = { execute: 0, reconcile: 0 };
  return {
    calls,
    write: {
      key: 'user:create:1',
      execute: async () => {
        calls.execute += 1;
        return result;
      },
      reconcile: async () => {
        calls.reconcile += 1;
        return found;
      },
      isFinal: (value: { ok: boolean }) => value.ok,
    },
  };
}

describe('RedisWriteLedger', () => {
  it('carries a write out once and answers a retry on another instance with the stored result', async () => {
    const first = new RedisWriteLedger({ redis });
    const second = new RedisWriteLedger({ redis });
    const { calls, write } = countingWrite({ ok: true, text: 'booked' });
    expect(await first.run(write)).toEqual({ result: { ok: true, text: 'booked' }, outcome: 'executed' });
    expect(await second.run(write)).toEqual({ result: { ok: true, text: 'booked' }, outcome: 'replayed' });
    expect(calls).toEqual({ execute: 1, reconcile: 0 });
  });

  it('forgets a write that did not end finally, so that a retry carries it out again', async () => {
    const ledger = new RedisWriteLedger({ redis });
    const { calls, write } = countingWrite({ ok: false, text: 'slot taken' });
    await ledger.run(write);
    expect(await ledger.run(write)).toEqual({ result: { ok: false, text: 'slot taken' }, outcome: 'executed' });
    expect(calls.execute).toBe(2);
    expect(await redis.keys('*')).toEqual([]);
  });

  it('waits while the owner is alive, and answers with its result', async () => {
    const ledger = new RedisWriteLedger({ redis, pollMs: 5 });
    let finish: (value: { ok: boolean; text: string }) => void = () => {};
    const slow = {
      key: 'k',
      execute: () => new Promise<{ ok: boolean; text: string }>((resolve) => (finish = resolve)),
      reconcile: async () => undefined,
      isFinal: () => true,
    };
    const owner = ledger.run(slow);
    await expect.poll(() => redis.exists('calcom-int:write:k')).toBe(1);
    const retry = new RedisWriteLedger({ redis, pollMs: 5 }).run({
      ...slow,
      execute: async () => ({ ok: true, text: 'twice' }),
    });
    finish({ ok: true, text: 'once' });
    expect(await owner).toEqual({ result: { ok: true, text: 'once' }, outcome: 'executed' });
    expect(await retry).toEqual({ result: { ok: true, text: 'once' }, outcome: 'replayed' });
  });

  it('after the owner died, reconciles under the lease and keeps what it found', async () => {
    // A pending record whose lease ran out: its owner died mid-write.
    await redis.set('calcom-int:write:user:create:1', JSON.stringify({ state: 'pending', owner: 'dead', lease: 0 }));
    const ledger = new RedisWriteLedger({ redis });
    const { calls, write } = countingWrite({ ok: true, text: 'booked again' }, { ok: true, text: 'found' });
    expect(await ledger.run(write)).toEqual({ result: { ok: true, text: 'found' }, outcome: 'reconciled' });
    expect(calls).toEqual({ execute: 0, reconcile: 1 });
    expect(await ledger.run(write)).toEqual({ result: { ok: true, text: 'found' }, outcome: 'replayed' });
  });

  it('after the owner died, carries the write out when reconciliation finds nothing', async () => {
    await redis.set('calcom-int:write:user:create:1', JSON.stringify({ state: 'pending', owner: 'dead', lease: 0 }));
    const { calls, write } = countingWrite({ ok: true, text: 'booked' });
    expect(await new RedisWriteLedger({ redis }).run(write)).toEqual({
      result: { ok: true, text: 'booked' },
      outcome: 'executed',
    });
    expect(calls).toEqual({ execute: 1, reconcile: 1 });
  });

  it('keeps the record pending when the write throws, so that a retry reconciles after the lease', async () => {
    const ledger = new RedisWriteLedger({ redis, leaseMs: 30 });
    await expect(
      ledger.run({
        key: 'k',
        execute: async () => Promise.reject(new Error('crash')),
        reconcile: async () => undefined,
        isFinal: () => true,
      }),
    ).rejects.toThrow('crash');
    const { calls, write } = countingWrite({ ok: true, text: 'booked' }, { ok: true, text: 'found' });
    expect(await new RedisWriteLedger({ redis, pollMs: 5 }).run({ ...write, key: 'k' })).toEqual({
      result: { ok: true, text: 'found' },
      outcome: 'reconciled',
    });
    expect(calls.reconcile).toBe(1);
  });

  it('runs the write unprotected, with a warning, when Redis is unreachable', async () => {
    const warnings: string[] = [];
    const down = createRedisConnection('redis://127.0.0.1:1', { lazyConnect: true });
    const ledger = new RedisWriteLedger({ redis: down, logger: { warn: (message) => warnings.push(message) } });
    const { calls, write } = countingWrite({ ok: true, text: 'booked' });
    expect(await ledger.run(write)).toEqual({ result: { ok: true, text: 'booked' }, outcome: 'unprotected' });
    expect(calls.execute).toBe(1);
    expect(warnings).toEqual([
      expect.stringMatching(/^Redis is unreachable \(.+\); this write runs without cross-instance de-duplication\.$/),
    ]);
    down.disconnect();
  });

  it('stops waiting when the signal aborts', async () => {
    await redis.set('calcom-int:write:k', JSON.stringify({ state: 'pending', owner: 'alive', lease: 9e15 }));
    const controller = new AbortController();
    const { write } = countingWrite({ ok: true, text: 'x' });
    const run = new RedisWriteLedger({ redis, pollMs: 5 }).run({ ...write, key: 'k', signal: controller.signal });
    // Abort while it waits between polls, not before it starts.
    await expect.poll(() => redis.get('calcom-int:write:k')).toContain('alive');
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error('client went away'));
    await expect(run).rejects.toThrow('client went away');
  });

  it('renews the lease while a slow write runs, so a retry waits for it instead of taking over', async () => {
    const ledger = new RedisWriteLedger({ redis, pollMs: 5, leaseMs: 60 });
    let finish: (value: { ok: boolean; text: string }) => void = () => {};
    const slow = {
      key: 'slow',
      execute: () => new Promise<{ ok: boolean; text: string }>((resolve) => (finish = resolve)),
      reconcile: async () => ({ ok: true, text: 'reconciled by a retry' }),
      isFinal: () => true,
    };
    const owner = ledger.run(slow);
    await expect.poll(() => redis.exists('calcom-int:write:slow')).toBe(1);
    // Several lease lengths pass: only renewal keeps the record alive.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const retry = new RedisWriteLedger({ redis, pollMs: 5, leaseMs: 60 }).run({
      ...slow,
      execute: async () => ({ ok: true, text: 'twice' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish({ ok: true, text: 'once' });
    expect(await owner).toEqual({ result: { ok: true, text: 'once' }, outcome: 'executed' });
    expect(await retry).toEqual({ result: { ok: true, text: 'once' }, outcome: 'replayed' });
  });

  it('still answers the owner when Redis drops the finished record', async () => {
    const broken = createRedisConnection(server.url);
    await ready(broken);
    const ledger = new RedisWriteLedger({ redis: broken });
    const write = {
      key: 'gone',
      execute: async () => {
        broken.disconnect();
        return { ok: true, text: 'booked' };
      },
      reconcile: async () => undefined,
      isFinal: () => true,
    };
    expect(await ledger.run(write)).toEqual({ result: { ok: true, text: 'booked' }, outcome: 'executed' });
  });
});
