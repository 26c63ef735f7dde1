import { Agent, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalComSimulator } from '../simulator/create-simulator';
import { DEFAULT_API_KEY } from '../simulator/seed';
import { type CalComServer, startCalComServer } from './start-server';

let running: CalComServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

function get(
  url: string,
  agent: Agent,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent, headers }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        body += chunk;
      });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * Waits, for a bounded number of event-loop turns, until the server reports the expected number of open
 * connections (a socket closes a few I/O callbacks after its peer does). No timing is asserted.
 *
 * @param server The server.
 * @param expected The number to wait for.
 * @returns The last number seen.
 */
async function openConnectionsSettle(server: CalComServer, expected: number): Promise<number> {
  for (let turn = 0; turn < 1000 && server.openConnections() !== expected; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return server.openConnections();
}

describe('startCalComServer', () => {
  it('serves the simulator over a real socket with the default key', async () => {
    running = await startCalComServer();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(running.apiKey).toBe(DEFAULT_API_KEY);
    const response = await fetch(`${running.url}/me`, { headers: { authorization: `Bearer ${running.apiKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit-default')).toBe('120');
    expect(await response.json()).toMatchObject({ data: { id: 1001 } });
  });

  it("gives a client its key, its URL and the simulator's clock", async () => {
    let now = new Date('2027-01-04T09:00:00.000Z');
    running = await startCalComServer({ simulator: createCalComSimulator({ now: () => now }) });
    expect(running.clientOptions.apiKey).toBe(DEFAULT_API_KEY);
    expect(running.clientOptions.baseUrl).toBe(running.url);
    expect(running.clientOptions.now().toISOString()).toBe('2027-01-04T09:00:00.000Z');
    now = new Date('2027-01-05T09:00:00.000Z');
    expect(running.clientOptions.now().toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });

  it('passes bodies and headers through and reuses keep-alive connections', async () => {
    const simulator = createCalComSimulator({ now: () => new Date('2026-03-25T06:00:00.000Z') });
    running = await startCalComServer({ simulator });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const headers = { authorization: `Bearer ${DEFAULT_API_KEY}`, 'cal-api-version': '2024-08-13' };
      for (let index = 0; index < 3; index += 1) {
        const result = await get(`${running.url}/bookings?take=1`, agent, headers);
        expect(result.status).toBe(200);
      }
      expect(running.connections()).toBe(1);
    } finally {
      agent.destroy();
    }
    const created = await fetch(`${running.url}/bookings`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DEFAULT_API_KEY}`,
        'cal-api-version': '2024-08-13',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        eventTypeId: 3002,
        start: '2026-03-26T10:00:00Z',
        attendee: { name: 'Lin', timeZone: 'UTC' },
      }),
    });
    expect(created.status).toBe(201);
    expect(simulator.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v2/bookings',
      body: { eventTypeId: 3002 },
    });
  });

  it('counts the connections open now, which drop to zero when the client closes its pool', async () => {
    running = await startCalComServer();
    expect(running.openConnections()).toBe(0);
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const headers = { authorization: `Bearer ${DEFAULT_API_KEY}` };
    const results = await Promise.all([
      get(`${running.url}/me`, agent, headers),
      get(`${running.url}/me`, agent, headers),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    // Both keep-alive sockets stay open after their responses.
    expect(running.connections()).toBe(2);
    expect(running.openConnections()).toBe(2);
    agent.destroy();
    expect(await openConnectionsSettle(running, 0)).toBe(0);
    expect(running.connections()).toBe(2);
  });

  it('has no open connection after close()', async () => {
    const server = await startCalComServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(`${server.url}/me`, agent, { authorization: `Bearer ${DEFAULT_API_KEY}` })).status).toBe(200);
      expect(server.openConnections()).toBe(1);
      await server.close();
      expect(await openConnectionsSettle(server, 0)).toBe(0);
    } finally {
      agent.destroy();
    }
  });

  it('destroys the socket on a reset fault', async () => {
    running = await startCalComServer({
      simulator: createCalComSimulator({ faults: [{ times: 1, fault: { type: 'reset' } }] }),
    });
    await expect(fetch(`${running.url}/me`)).rejects.toThrow(TypeError);
  });

  it('never answers a hanging request, yet close() finishes', async () => {
    const server = await startCalComServer({
      simulator: createCalComSimulator({ faults: [{ fault: { type: 'hang' } }] }),
    });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/me`, { signal: controller.signal }).catch((error: unknown) => error);
    while (server.simulator.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await server.close();
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('listens on a given port and fails clearly when it is taken', async () => {
    running = await startCalComServer();
    const port = Number(new URL(running.url).port);
    await expect(startCalComServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
