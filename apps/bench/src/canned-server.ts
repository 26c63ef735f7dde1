import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_API_VERSIONS } from '@calcom-int/core';
import { createCalComSimulator } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';

/** One spec-valid response body, captured once from the testkit simulator and served as bytes. */
export interface CannedBody {
  readonly path: string;
  readonly body: Buffer;
}

/** The canned loopback server every throughput contender calls. */
export interface CannedServer {
  /** The base URL ending in `/v2`. */
  readonly baseUrl: string;
  /** The API key the contenders send (the server does not check it). */
  readonly apiKey: string;
  /** The id of the canned event type. */
  readonly eventTypeId: number;
  /** The canned bodies: one event type, and one page of 100 bookings. */
  readonly bodies: { readonly eventType: CannedBody; readonly bookings: CannedBody };
  /** Requests answered 404 (a contender asked for something not canned); must stay 0. */
  readonly misses: () => number;
  /** Stops the server. */
  readonly close: () => Promise<void>;
}

/**
 * Captures `GET /v2/event-types/{id}` and `GET /v2/bookings?take=100` from the spec-true simulator, then serves those
 * exact bytes from a plain `node:http` server on a loopback port (keep-alive), by path, so that every contender pays
 * the same server cost and parses the same body.
 *
 * @returns The running server.
 */
export async function startCannedServer(): Promise<CannedServer> {
  const simulator = await startCalComServer({
    simulator: createCalComSimulator({ seed: { bookings: 150 }, rateLimit: { enabled: false } }),
  });
  const headers = (version: string | undefined) => ({
    authorization: `Bearer ${simulator.apiKey}`,
    ...(version === undefined ? {} : { 'cal-api-version': version }),
  });
  let eventType: CannedBody;
  let bookings: CannedBody;
  let eventTypeId: number;
  try {
    const list = await fetch(`${simulator.url}/event-types`, { headers: headers(DEFAULT_API_VERSIONS.eventTypes) });
    const listed = (await list.json()) as { data: { id: number }[] };
    const first = listed.data[0];
    if (!first) throw new Error('The simulator has no event types.');
    eventTypeId = first.id;
    const one = await fetch(`${simulator.url}/event-types/${eventTypeId}`, {
      headers: headers(DEFAULT_API_VERSIONS.eventTypes),
    });
    eventType = { path: `/v2/event-types/${eventTypeId}`, body: Buffer.from(await one.arrayBuffer()) };
    const page = await fetch(`${simulator.url}/bookings?take=100`, { headers: headers(DEFAULT_API_VERSIONS.bookings) });
    bookings = { path: '/v2/bookings', body: Buffer.from(await page.arrayBuffer()) };
    const count = (JSON.parse(bookings.body.toString('utf8')) as { data: unknown[] }).data.length;
    if (count !== 100) throw new Error(`The canned bookings page has ${count} bookings, not 100.`);
  } finally {
    await simulator.close();
  }
  let misses = 0;
  const byPath = new Map([eventType, bookings].map((canned) => [canned.path, canned.body]));
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const body = byPath.get(path);
    request.resume();
    if (body === undefined) {
      misses++;
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"error"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    apiKey: simulator.apiKey,
    eventTypeId,
    bodies: { eventType, bookings },
    misses: () => misses,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
