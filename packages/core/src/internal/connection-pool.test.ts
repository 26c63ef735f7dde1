import { createCalComSimulator } from '@calcom-int/testkit';
import { type CalComServer, startCalComServer } from '@calcom-int/testkit/server';
import { server } from '@calcom-int/testkit/vitest';
import { http, passthrough } from 'msw';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalComClient } from '../client';

/** The client's default concurrency cap (`rateLimit.maxConcurrent`), which bounds fetch's own pool. */
const MAX_CONCURRENT = 10;
/** Requests per phase. */
const REQUESTS = 200;

let calcom: CalComServer;
let client: CalComClient | undefined;

beforeEach(async () => {
  calcom = await startCalComServer({ simulator: createCalComSimulator({ rateLimit: { enabled: false } }) });
  // msw (the setup file) patches globalThis.fetch and sees every fetch call, loopback ones included; with
  // `onUnhandledRequest: 'error'` it would refuse them. This handler lets exactly this server's origin through and
  // keeps the 'error' guard for everything else. Passthrough sends `new Request(input, init)` with Node's own fetch,
  // and that Request carries the (non-standard) `dispatcher` init member along, so a caller's dispatcher is still
  // the one that sends: the last test shows it (one socket limit, one socket used).
  server.use(http.all(`${new URL(calcom.url).origin}/*`, () => passthrough()));
});

afterEach(async () => {
  await client?.close();
  client = undefined;
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

describe('keep-alive connections with Node’s built-in fetch (real sockets to a loopback simulator)', () => {
  it(`reuses at most two connections for ${REQUESTS} sequential requests and keeps them alive`, async () => {
    client = new CalComClient({ apiKey: calcom.apiKey, baseUrl: calcom.url, circuitBreaker: false });
    for (let index = 0; index < REQUESTS; index += 1) {
      expect((await client.eventTypes.get(3002)).id).toBe(3002);
    }
    expect(calcom.simulator.requests).toHaveLength(REQUESTS);
    // Not 200. Not always 1 either: fetch hands a socket back to its pool a tick after the response body has been
    // read, so a request sent in that same turn opens a second socket; from then on the two are reused.
    expect(calcom.connections()).toBeLessThanOrEqual(2);
    // Kept alive between requests, not closed after each.
    expect(calcom.openConnections()).toBe(calcom.connections());
  });

  it(`opens at most twice the client's concurrency cap (${MAX_CONCURRENT}) for ${REQUESTS} concurrent requests`, async () => {
    client = new CalComClient({ apiKey: calcom.apiKey, baseUrl: calcom.url, circuitBreaker: false });
    const eventTypes = await Promise.all(Array.from({ length: REQUESTS }, () => client?.eventTypes.get(3002)));
    expect(eventTypes.every((eventType) => eventType?.id === 3002)).toBe(true);
    expect(calcom.simulator.requests).toHaveLength(REQUESTS);
    // At most 10 requests are in flight; as in the sequential case, a socket whose body was just read goes back to
    // fetch's pool a tick after the client's slot is free, so the request sent in that turn may open another one:
    // up to 10 sockets in use and 10 on their way back, never one per request.
    expect(calcom.connections()).toBeLessThanOrEqual(2 * MAX_CONCURRENT);
    // More than one: the requests really ran side by side.
    expect(calcom.connections()).toBeGreaterThan(1);
    expect(calcom.openConnections()).toBe(calcom.connections());
  });

  it('sends through the dispatcher option, which the caller closes (the client leaves it open)', async () => {
    const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
    // The client's own cap is raised so that only the dispatcher's single socket bounds the connections.
    client = new CalComClient({
      apiKey: calcom.apiKey,
      baseUrl: calcom.url,
      circuitBreaker: false,
      rateLimit: { maxConcurrent: REQUESTS },
      dispatcher,
    });
    try {
      const eventTypes = await Promise.all(Array.from({ length: REQUESTS }, () => client?.eventTypes.get(3002)));
      expect(eventTypes.every((eventType) => eventType?.id === 3002)).toBe(true);
      expect(calcom.simulator.requests).toHaveLength(REQUESTS);
      expect(calcom.connections()).toBe(1);
      await client.close();
      expect(calcom.openConnections()).toBe(1);
    } finally {
      await dispatcher.close();
    }
    expect(await openConnectionsAfterClose()).toBe(0);
  });
});
