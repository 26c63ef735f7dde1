import { CalComRateLimitError } from '@calcom-int/core';
import { createCalComSimulator } from '@calcom-int/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settledHeapUsed } from '../support/heap';
import { type LiveTarget, selectTarget } from '../support/target';

const MEGABYTE = 1024 * 1024;

describe('volume through the loopback simulator', { tags: ['integration'] }, () => {
  let target: LiveTarget | undefined;

  afterEach(async () => {
    const server = target?.server;
    await target?.close();
    target = undefined;
    if (server !== undefined) expect(server.connections()).toBe(0);
  });

  const seededTarget = async () => {
    const simulator = createCalComSimulator({
      seed: { bookings: 1_000, eventTypes: 200, random: 7 },
      rateLimit: { enabled: false },
    });
    target = await selectTarget({ simulator });
    return { simulator, client: target.client };
  };

  it('lists all 200+ event types once each', async () => {
    const { simulator, client } = await seededTarget();
    const expected = simulator.state.eventTypes.map((eventType) => eventType.id).sort((left, right) => left - right);
    expect(expected.length).toBeGreaterThanOrEqual(200);

    const listed = await client.listEventTypes();
    const ids = listed.map((eventType) => eventType.id).sort((left, right) => left - right);
    expect(ids).toEqual(expected);
  });

  it('pages through 1,000+ bookings with no duplicates and none missing', async () => {
    const { simulator, client } = await seededTarget();
    const expected = simulator.state.bookings.map((booking) => booking.uid).sort();
    expect(expected.length).toBeGreaterThanOrEqual(1_000);

    const seen: string[] = [];
    let skip = 0;
    let pages = 0;
    for (;;) {
      const page = await client.listBookings({ limit: 100, skip });
      pages += 1;
      seen.push(...page.items.map((booking) => booking.uid));
      expect(page.pagination.totalItems).toBe(expected.length);
      if (!page.pagination.hasNextPage) break;
      expect(page.items).toHaveLength(100);
      skip += page.items.length;
    }
    expect(pages).toBe(Math.ceil(expected.length / 100));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected);

    const iterated: string[] = [];
    for await (const booking of client.iterateBookings()) iterated.push(booking.uid);
    expect(new Set(iterated).size).toBe(iterated.length);
    expect([...iterated].sort()).toEqual(expected);
  });

  it('iterateBookings keeps memory flat: walking every booking costs far less heap than holding them', async () => {
    const { simulator, client } = await seededTarget();
    const total = simulator.state.bookings.length;
    // Warm up (module code, JIT, sockets) so the measurements compare like with like.
    for await (const _booking of client.iterateBookings()) break;

    const retained: unknown[] = [];
    const beforeHolding = settledHeapUsed();
    for await (const booking of client.iterateBookings()) retained.push(booking);
    const holdingCost = settledHeapUsed() - beforeHolding;
    expect(retained).toHaveLength(total);
    retained.length = 0;

    const samples: number[] = [];
    let count = 0;
    const beforeWalking = settledHeapUsed();
    for await (const _booking of client.iterateBookings()) {
      count += 1;
      if (count % 250 === 0) samples.push(settledHeapUsed() - beforeWalking);
    }
    samples.push(settledHeapUsed() - beforeWalking);
    expect(count).toBe(total);
    // Holding 1,000 mapped bookings costs megabytes; a streaming walk keeps at most a page or two alive.
    expect(holdingCost).toBeGreaterThan(MEGABYTE);
    expect(Math.max(...samples)).toBeLessThan(holdingCost / 3);
  });

  it('50 concurrent calls within a 120/min budget all complete', async () => {
    const simulator = createCalComSimulator({ rateLimit: { limit: 120, ttlMs: 60_000, blockMs: 60_000 } });
    target = await selectTarget({ simulator });
    const client = target.client;
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.listEventTypes()));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(50);
  });

  it('50 concurrent calls past the budget: the rest fail with CalComRateLimitError, nothing else', async () => {
    const simulator = createCalComSimulator({ rateLimit: { limit: 120, ttlMs: 60_000, blockMs: 60_000 } });
    target = await selectTarget({ simulator });
    const client = target.createClient({ maxRetries: 0, rateLimit: { waitOnExhausted: false } });
    try {
      for (let index = 0; index < 100; index += 1) await client.listEventTypes();
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.listEventTypes()));
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      expect(fulfilled).toHaveLength(20);
      expect(rejected).toHaveLength(30);
      for (const reason of rejected) {
        expect(reason).toBeInstanceOf(CalComRateLimitError);
        expect(reason).toMatchObject({ status: 429, retryable: true });
      }
    } finally {
      await client.close();
    }
  });

  it('leaves no sockets open after close', async () => {
    const { client } = await seededTarget();
    const server = target?.server;
    await Promise.all(Array.from({ length: 20 }, () => client.listEventTypes()));
    expect(server?.connections()).toBeGreaterThan(0);
    await client.close();
    await vi.waitFor(() => expect(server?.connections()).toBe(0));
  });
});
