import { CalComClient } from '@calcom-int/core';
import { createCalComSimulator } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';
import { createCalComTools } from '@calcom-int/tools';
import { heapUsed, latencyStats, timed } from './stats';

/** One benchmark's result: what was measured, the number, the target and whether it was met. */
export interface BenchmarkResult {
  readonly name: string;
  readonly measured: string;
  readonly target: string;
  readonly met: boolean;
}

const MB = 1024 * 1024;

/**
 * Starts a loopback simulator without rate limiting and a client pointed at it.
 *
 * @param seed Extra seed data.
 * @returns The client and a function that stops both.
 */
async function loopback(seed: { bookings?: number } = {}) {
  const simulator = createCalComSimulator({ seed, rateLimit: { enabled: false } });
  const server = await startCalComServer({ simulator });
  const client = new CalComClient(server.clientOptions);
  return {
    client,
    server,
    stop: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Client round trip over loopback HTTP (keep-alive, envelope parsing, valibot mapping), sequential and concurrent. */
export async function requestLatency(): Promise<BenchmarkResult[]> {
  const { client, server, stop } = await loopback();
  try {
    const [eventType] = await client.eventTypes.list();
    if (!eventType) throw new Error('The simulator has no event types.');
    for (let i = 0; i < 50; i++) await client.eventTypes.get(eventType.id);
    const sequential: number[] = [];
    for (let i = 0; i < 500; i++) sequential.push(await timed(() => client.eventTypes.get(eventType.id)));
    const concurrent: number[] = [];
    const batchStarted = performance.now();
    await Promise.all(
      Array.from({ length: 500 }, () =>
        timed(() => client.eventTypes.get(eventType.id)).then((ms) => concurrent.push(ms)),
      ),
    );
    const seconds = (performance.now() - batchStarted) / 1000;
    const seq = latencyStats(sequential);
    const con = latencyStats(concurrent);
    const sockets = server.connections();
    return [
      {
        name: 'eventTypes.get, 500 sequential calls over loopback',
        measured: `p50 ${seq.p50.toFixed(2)} ms, p95 ${seq.p95.toFixed(2)} ms, max ${seq.max.toFixed(2)} ms`,
        target: 'p50 < 5 ms',
        met: seq.p50 < 5,
      },
      {
        name: 'eventTypes.get, 500 concurrent calls (client concurrency cap applies)',
        measured: `${(500 / seconds).toFixed(0)} req/s, p95 ${con.p95.toFixed(1)} ms, ${sockets} connections opened in all`,
        target: '≥ 300 req/s, connections ≤ pool size (10)',
        met: 500 / seconds >= 300 && sockets <= 10,
      },
    ];
  } finally {
    await stop();
  }
}

/** Heap growth while `bookings.iterate` walks 5,000 bookings, against loading them all into one array. */
export async function iterationMemory(): Promise<BenchmarkResult[]> {
  const { client, stop } = await loopback({ bookings: 5000 });
  try {
    const baseline = heapUsed();
    let peak = 0;
    let count = 0;
    for await (const _booking of client.bookings.iterate()) {
      count++;
      if (count % 250 === 0) peak = Math.max(peak, heapUsed() - baseline);
    }
    const retained: unknown[] = [];
    for await (const booking of client.bookings.iterate()) retained.push(booking);
    const allInMemory = heapUsed() - baseline;
    return [
      {
        name: `bookings.iterate over ${count} bookings: peak heap growth`,
        measured: `${(peak / MB).toFixed(2)} MB (all ${retained.length} held in an array: ${(allInMemory / MB).toFixed(1)} MB)`,
        target: '< 15 MB and < half of holding them all',
        met: peak < 15 * MB && peak < allInMemory / 2,
      },
    ];
  } finally {
    await stop();
  }
}

/** Size of the list_bookings tool text for 100 bookings against Cal.com's raw JSON for the same bookings. */
export async function toolOutputSize(): Promise<BenchmarkResult[]> {
  const { client, server, stop } = await loopback({ bookings: 150 });
  try {
    const tools = createCalComTools(client);
    const result = await tools.list_bookings?.execute({ limit: 100 });
    if (!result?.ok) throw new Error(`list_bookings failed: ${result?.text}`);
    const response = await fetch(`${server.url}/bookings?take=100`, {
      headers: { authorization: `Bearer ${server.apiKey}`, 'cal-api-version': '2024-08-13' },
    });
    const raw = await response.text();
    const ratio = result.text.length / raw.length;
    const perCall: number[] = [];
    for (let i = 0; i < 20; i++)
      perCall.push(await timed(() => tools.list_bookings?.execute({ limit: 100 }) ?? Promise.resolve()));
    return [
      {
        name: 'list_bookings (100 bookings): text for the model vs raw Cal.com JSON',
        measured: `${result.text.length} vs ${raw.length} characters (${(ratio * 100).toFixed(0)}%)`,
        target: '≤ 33%',
        met: ratio <= 1 / 3,
      },
      {
        name: 'list_bookings (100 bookings): end-to-end tool call over loopback',
        measured: `p50 ${latencyStats(perCall).p50.toFixed(1)} ms`,
        target: 'p50 < 50 ms',
        met: latencyStats(perCall).p50 < 50,
      },
    ];
  } finally {
    await stop();
  }
}
