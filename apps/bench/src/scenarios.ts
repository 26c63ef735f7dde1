import { CalComClient } from '@calcom-int/core';
import { createCalComSimulator } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';
import { createCalComTools } from '@calcom-int/tools';
import { measureBundles } from './bundle';
import { startCannedServer } from './canned-server';
import { CONTENDERS, type Contender, createContenders } from './contenders';
import { measureImportTimes } from './import-time';
import { heapUsed, latencyStats, median, timed } from './stats';
import { measureThroughput, type ThroughputPlan } from './throughput';

/** What a scenario measured, by metric name, and lines to print under the table (rounds, top contributors). */
export interface ScenarioOutput {
  readonly metrics: Readonly<Record<string, number>>;
  readonly details: readonly string[];
}

/** A benchmark run in a process of its own. */
export type Scenario = () => Promise<ScenarioOutput>;

/**
 * Runs a throughput plan against the four contenders over one canned loopback server.
 *
 * @param label The scenario label for the detail lines.
 * @param plan The plan.
 * @returns Each contender's median calls per second as `<contender>` metrics.
 */
async function throughputScenario(label: string, plan: ThroughputPlan): Promise<ScenarioOutput> {
  const server = await startCannedServer();
  const contenders = createContenders(server);
  try {
    const result = await measureThroughput(contenders, plan);
    if (server.misses() > 0) throw new Error(`${server.misses()} requests asked for something not canned.`);
    return {
      metrics: result.median,
      details: [
        ...CONTENDERS.map(
          (name) => `${label}, ${name}: ${result.rounds[name].map((value) => value.toFixed(0)).join(' / ')} req/s`,
        ),
        `${label}, per second of CPU time (median; less disturbed by other load): ${CONTENDERS.map(
          (name) => `${name} ${result.cpuMedian[name].toFixed(0)}`,
        ).join(
          ', ',
        )}; CalComClient ÷ raw fetch ${(result.cpuMedian.CalComClient / result.cpuMedian['raw fetch']).toFixed(2)}`,
      ],
    };
  } finally {
    for (const contender of contenders) await contender.close();
    await server.close();
  }
}

const eventType = (contender: Contender) => contender.eventType;
const bookingsPage = (contender: Contender) => contender.bookingsPage;

/**
 * Validate + map of one 100-booking page: `client.bookings.list` over an in-memory `fetch` that answers with the
 * canned body (no socket), against `JSON.parse` of the same text. 300 calls of each to warm up, then medians of 5 rounds
 * of 200 calls each.
 */
async function validateMap(): Promise<ScenarioOutput> {
  const server = await startCannedServer();
  await server.close();
  const body = server.bodies.bookings.body;
  const text = body.toString('utf8');
  const client = new CalComClient({
    apiKey: server.apiKey,
    baseUrl: 'http://127.0.0.1:9/v2', // never dialled: the fetch below answers in memory
    maxRetries: 0,
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  const perCall = async (run: () => unknown, calls: number) => {
    const started = performance.now();
    for (let i = 0; i < calls; i++) await run();
    return ((performance.now() - started) * 1000) / calls;
  };
  const parse = () => (JSON.parse(text) as { data: unknown[] }).data.length;
  const list = async () => (await client.bookings.list({ limit: 100 })).items.length;
  const json = async () =>
    ((await new Response(body, { headers: { 'content-type': 'application/json' } }).json()) as { data: unknown[] }).data
      .length;
  if ((await list()) !== 100) throw new Error('bookings.list did not return 100 bookings.');
  await perCall(parse, 300);
  await perCall(list, 300);
  await perCall(json, 300);
  const rounds = { parse: [] as number[], list: [] as number[], json: [] as number[] };
  for (let round = 0; round < 5; round++) {
    rounds.parse.push(await perCall(parse, 200));
    rounds.json.push(await perCall(json, 200));
    rounds.list.push(await perCall(list, 200));
  }
  await client.close();
  return {
    metrics: { jsonParseUs: median(rounds.parse), responseJsonUs: median(rounds.json), clientUs: median(rounds.list) },
    details: [
      `validate + map, ${body.length} bytes: JSON.parse ${rounds.parse.map((v) => v.toFixed(0)).join(' / ')} µs; ` +
        `new Response().json() ${rounds.json.map((v) => v.toFixed(0)).join(' / ')} µs; ` +
        `client.bookings.list ${rounds.list.map((v) => v.toFixed(0)).join(' / ')} µs`,
    ],
  };
}

/**
 * Starts a loopback simulator without rate limiting and a client pointed at it.
 *
 * @param seed Extra seed data.
 * @returns The client, the server and a function that stops both.
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

/** Heap growth while `bookings.iterate` walks every booking (5,000 seeded plus the simulator's own), sampled. */
async function memoryIterate(): Promise<ScenarioOutput> {
  const { client, stop } = await loopback({ bookings: 5000 });
  try {
    const baseline = heapUsed();
    let peak = 0;
    let count = 0;
    for await (const _booking of client.bookings.iterate()) {
      count++;
      if (count % 250 === 0) peak = Math.max(peak, heapUsed() - baseline);
    }
    return { metrics: { peakBytes: peak, count }, details: [] };
  } finally {
    await stop();
  }
}

/** Heap growth of holding every booking in one array, in a process of its own. */
async function memoryCollect(): Promise<ScenarioOutput> {
  const { client, stop } = await loopback({ bookings: 5000 });
  try {
    const baseline = heapUsed();
    const retained: unknown[] = [];
    for await (const booking of client.bookings.iterate()) retained.push(booking);
    return { metrics: { heldBytes: heapUsed() - baseline, count: retained.length }, details: [] };
  } finally {
    await stop();
  }
}

/** Client round trip over the loopback simulator: 500 sequential, then 500 concurrent, and the sockets opened. */
async function latency(): Promise<ScenarioOutput> {
  const { client, server, stop } = await loopback();
  try {
    const [first] = await client.eventTypes.list();
    if (!first) throw new Error('The simulator has no event types.');
    for (let i = 0; i < 50; i++) await client.eventTypes.get(first.id);
    const sequential: number[] = [];
    for (let i = 0; i < 500; i++) sequential.push(await timed(() => client.eventTypes.get(first.id)));
    const concurrent: number[] = [];
    const batchStarted = performance.now();
    await Promise.all(
      Array.from({ length: 500 }, () => timed(() => client.eventTypes.get(first.id)).then((ms) => concurrent.push(ms))),
    );
    const seconds = (performance.now() - batchStarted) / 1000;
    const seq = latencyStats(sequential);
    const con = latencyStats(concurrent);
    return {
      metrics: {
        p50: seq.p50,
        p95: seq.p95,
        max: seq.max,
        concurrentRate: 500 / seconds,
        concurrentP95: con.p95,
        sockets: server.connections(),
      },
      details: [],
    };
  } finally {
    await stop();
  }
}

/** The list_bookings tool text for 100 bookings against Cal.com's raw JSON, and its end-to-end time. */
async function toolOutput(): Promise<ScenarioOutput> {
  const { client, server, stop } = await loopback({ bookings: 150 });
  try {
    const tools = createCalComTools(client);
    const result = await tools.list_bookings?.execute({ limit: 100 });
    if (!result?.ok) throw new Error(`list_bookings failed: ${result?.text}`);
    const response = await fetch(`${server.url}/bookings?take=100`, {
      headers: { authorization: `Bearer ${server.apiKey}`, 'cal-api-version': '2024-08-13' },
    });
    const raw = await response.text();
    const perCall: number[] = [];
    for (let i = 0; i < 20; i++)
      perCall.push(await timed(() => tools.list_bookings?.execute({ limit: 100 }) ?? Promise.resolve()));
    return {
      metrics: { textChars: result.text.length, rawChars: raw.length, p50: latencyStats(perCall).p50 },
      details: [],
    };
  } finally {
    await stop();
  }
}

/** Every scenario, by the name passed to the child process. */
export const SCENARIOS = {
  'event-type-sequential': () =>
    throughputScenario('one event type, sequential', {
      call: eventType,
      requests: 1000,
      concurrency: 1,
      rounds: 11,
      warmup: 1000,
    }),
  'bookings-sequential': () =>
    throughputScenario('100-booking page, sequential', {
      call: bookingsPage,
      requests: 250,
      concurrency: 1,
      rounds: 11,
      warmup: 250,
    }),
  'bookings-concurrent': () =>
    throughputScenario('100-booking page, 16 concurrent', {
      call: bookingsPage,
      requests: 400,
      concurrency: 16,
      rounds: 11,
      warmup: 400,
    }),
  'validate-map': validateMap,
  'memory-iterate': memoryIterate,
  'memory-collect': memoryCollect,
  latency,
  'tool-output': toolOutput,
  bundle: measureBundles,
  'import-time': measureImportTimes,
} satisfies Record<string, Scenario>;

/** A scenario's name. */
export type ScenarioName = keyof typeof SCENARIOS;
