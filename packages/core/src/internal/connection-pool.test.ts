import { createCalComSimulator } from '@calcom-int/testkit';
import { type CalComServer, startCalComServer } from '@calcom-int/testkit/server';
import { server } from '@calcom-int/testkit/vitest';
import { http, passthrough } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalComClient } from '../client';

/** The client's default pool size (`connections`). */
const POOL_SIZE = 10;
/** Requests per phase. */
const REQUESTS = 200;

let calcom: CalComServer;
let client: CalComClient;

beforeEach(async () => {
  calcom = await startCalComServer({ simulator: createCalComSimulator({ rateLimit: { enabled: false } }) });
  // msw (the setup file) patches globalThis.fetch and sees every fetch call, loopback ones included; with
  // `onUnhandledRequest: 'error'` it would refuse them. This handler lets exactly this server's origin through and
  // keeps the 'error' guard for everything else. Passthrough keeps the client's pool: msw rebuilds the call as
  // `new Request(input, init)` and sends that Request with the original fetch, and undici's Request carries the
  // (non-standard) `dispatcher` init member along, so the real request still goes through the client's undici Agent.
  // The concurrent test below would show otherwise: the global dispatcher has no connection limit.
  server.use(http.all(`${new URL(calcom.url).origin}/*`, () => passthrough()));
  // The client's own concurrency cap (`rateLimit.maxConcurrent`, 10 by default) is raised so that only the
  // connection pool bounds the sockets.
  client = new CalComClient({
    apiKey: calcom.apiKey,
    baseUrl: calcom.url,
    circuitBreaker: false,
    rateLimit: { maxConcurrent: REQUESTS },
  });
});

afterEach(async () => {
  await client.close();
  await calcom.close();
});

/**
 * Waits, for a bounded number of event-loop turns, until the server has no open connection: a socket closes on the
 * server a few I/O callbacks after the client closed it. No timing is asserted; the server's own keep-alive timeout
 * (5 s) is far longer than this loop, so reaching zero is the client's doing.
 *
 * @returns The number of connections still open.
 */
async function openConnectionsAfterClose(): Promise<number> {
  for (let turn = 0; turn < 1000 && calcom.openConnections() > 0; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return calcom.openConnections();
}

describe('the keep-alive connection pool (real sockets to a loopback simulator)', () => {
  it(`reuses at most two connections for ${REQUESTS} sequential requests and closes them on close()`, async () => {
    for (let index = 0; index < REQUESTS; index += 1) {
      expect((await client.eventTypes.get(3002)).id).toBe(3002);
    }
    expect(calcom.simulator.requests).toHaveLength(REQUESTS);
    // Not 200 and not more than the pool. Not always 1 either: undici hands a socket back to the pool a tick after
    // the response body has been read, so a request sent in that same turn opens a second socket (plain
    // `fetch` + undici `Agent` does the same); from then on the two are reused.
    expect(calcom.connections()).toBeLessThanOrEqual(2);
    expect(calcom.connections()).toBeLessThanOrEqual(POOL_SIZE);
    // Kept alive until the client closes its pool.
    expect(calcom.openConnections()).toBe(calcom.connections());
    await client.close();
    expect(await openConnectionsAfterClose()).toBe(0);
  });

  it(`uses at most the pool size (${POOL_SIZE}) for ${REQUESTS} concurrent requests and closes them all on close()`, async () => {
    const eventTypes = await Promise.all(Array.from({ length: REQUESTS }, () => client.eventTypes.get(3002)));
    expect(eventTypes.every((eventType) => eventType.id === 3002)).toBe(true);
    expect(calcom.simulator.requests).toHaveLength(REQUESTS);
    expect(calcom.connections()).toBeLessThanOrEqual(POOL_SIZE);
    // More than one: the requests really ran side by side.
    expect(calcom.connections()).toBeGreaterThan(1);
    // Kept alive until the client closes its pool.
    expect(calcom.openConnections()).toBe(calcom.connections());
    await client.close();
    expect(await openConnectionsAfterClose()).toBe(0);
  });
});
