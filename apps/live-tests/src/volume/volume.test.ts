import { CalComRateLimitError } from '@calcom-int/core';
import { createCalComSimulator } from '@calcom-int/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settledHeapUsed } from '../support/heap';
import { type LiveTarget, selectTarget } from '../support/target';

const MEGABYTE = 1024 * 1024;

describe('volume through the loopback simulator', { tags: ['integration'] }, () => {
  let target: LiveTarget | undefined;

  afterEach(async () => {
    const current = target;
    target = undefined;
    if (current === undefined) return;
    await current.client.close();
    // The clients share Node's built-in fetch pool, whose idle sockets close on their own (the last test waits for
    // that); closing the server destroys what is left.
    await current.close();
  });

  const seededTarget = async (bookings = 1_000) => {
    const simulator = createCalComSimulator({
      seed: { bookings, eventTypes: 200, random: 7 },
      rateLimit: { enabled: false },
    });
    target = await selectTarget({ simulator });
    const user = simulator.state.users[0];
    if (user === undefined) throw new Error('The simulator has no default user.');
    // What the default user sees: its own event types, and bookings it hosts (the seed has a second user too).
    const ownEventTypeIds = simulator.state.eventTypes
      .filter((eventType) => eventType.ownerId === user.id)
      .map((eventType) => eventType.id)
      .sort((left, right) => left - right);
    const ownBookingUids = simulator.state.bookings
      .filter((booking) => booking.hosts.some((host) => host.id === user.id))
      .map((booking) => booking.uid)
      .sort();
    return { client: target.client, ownEventTypeIds, ownBookingUids };
  };

  it('lists all 200+ event types once each', async () => {
    const { client, ownEventTypeIds: expected } = await seededTarget();
    expect(expected.length).toBeGreaterThanOrEqual(200);

    const listed = await client.eventTypes.list();
    const ids = listed.map((eventType) => eventType.id).sort((left, right) => left - right);
    expect(ids).toEqual(expected);
  });

  it('pages through 1,000+ bookings with no duplicates and none missing', async () => {
    const { client, ownBookingUids: expected } = await seededTarget();
    expect(expected.length).toBeGreaterThanOrEqual(1_000);

    const seen: string[] = [];
    let skip = 0;
    let pages = 0;
    for (;;) {
      const page = await client.bookings.list({ limit: 100, skip });
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
    for await (const booking of client.bookings.iterate()) iterated.push(booking.uid);
    expect(new Set(iterated).size).toBe(iterated.length);
    expect([...iterated].sort()).toEqual(expected);
  });

  it('iterateBookings keeps memory flat: walking every booking costs far less heap than holding them', async () => {
    // 3,000 bookings make holding them cost several megabytes, far above the noise of a forced collection.
    const { client, ownBookingUids } = await seededTarget(3_000);
    const total = ownBookingUids.length;
    // Warm up (module code, JIT, sockets) so the measurements compare like with like.
    for await (const _booking of client.bookings.iterate()) break;

    const retained: unknown[] = [];
    const beforeHolding = settledHeapUsed();
    for await (const booking of client.bookings.iterate()) retained.push(booking);
    const holdingCost = settledHeapUsed() - beforeHolding;
    expect(retained).toHaveLength(total);
    retained.length = 0;

    const samples: number[] = [];
    let count = 0;
    const beforeWalking = settledHeapUsed();
    for await (const _booking of client.bookings.iterate()) {
      count += 1;
      if (count % 250 === 0) samples.push(settledHeapUsed() - beforeWalking);
    }
    samples.push(settledHeapUsed() - beforeWalking);
    console.info(
      `[volume] holding ${total} bookings: ${(holdingCost / MEGABYTE).toFixed(2)} MB; walking them: max ${(Math.max(...samples) / MEGABYTE).toFixed(2)} MB`,
    );
    expect(count).toBe(total);
    // Holding 3,000 mapped bookings costs megabytes; a streaming walk keeps at most a page or two alive.
    expect(holdingCost).toBeGreaterThan(3 * MEGABYTE);
    expect(Math.max(...samples)).toBeLessThan(holdingCost / 3);
  });

  it('50 concurrent calls within a 120/min budget all complete', async () => {
    const simulator = createCalComSimulator({ rateLimit: { limit: 120, ttlMs: 60_000, blockMs: 60_000 } });
    target = await selectTarget({ simulator });
    const client = target.client;
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.eventTypes.list()));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(50);
  });

  it('50 concurrent calls past the budget: the rest fail with CalComRateLimitError, nothing else', async () => {
    const simulator = createCalComSimulator({ rateLimit: { limit: 120, ttlMs: 60_000, blockMs: 60_000 } });
    target = await selectTarget({ simulator });
    const client = target.createClient({ maxRetries: 0, rateLimit: { waitOnExhausted: false } });
    try {
      for (let index = 0; index < 100; index += 1) await client.eventTypes.list();
      // The server's own count of what is left in the window (the client may have made a call of its own, e.g. /me).
      const remaining = client.rateLimit?.remaining ?? -1;
      expect(remaining).toBeGreaterThan(0);
      expect(remaining).toBeLessThanOrEqual(20);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.eventTypes.list()));
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      expect(fulfilled).toHaveLength(remaining);
      expect(rejected).toHaveLength(50 - remaining);
      for (const reason of rejected) {
        expect(reason).toBeInstanceOf(CalComRateLimitError);
        expect(reason).toMatchObject({ status: 429, retryable: true });
      }
    } finally {
      await client.close();
    }
  });

  it('reuses keep-alive connections, and its idle sockets close on their own', async () => {
    const { client } = await seededTarget();
    const server = target?.server;
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(Array.from({ length: 20 }, () => client.bookings.list({ limit: 1 })));
    }
    // 100 requests on few sockets, reused across rounds and kept alive between them: at most twice the client's
    // concurrency cap (10), as packages/core's connection-pool test proves (a freed socket rejoins the pool a tick late).
    expect(server?.connections()).toBeGreaterThan(0);
    expect(server?.connections()).toBeLessThanOrEqual(20);
    expect(server?.openConnections()).toBeGreaterThan(0);
    expect(server?.openConnections()).toBeLessThanOrEqual(20);
    await client.close();
    // Node's fetch closes idle sockets after the server's keep-alive hint (5 s, less a second): none stays open.
    await vi.waitFor(() => expect(server?.openConnections()).toBe(0), { timeout: 15_000, interval: 100 });
  }, 30_000);
});
