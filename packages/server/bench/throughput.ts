// `pnpm --filter @calcom-int/server bench`: throughput and latency of the remote MCP server with real parts — 3
// instances (child processes) behind nginx, one redis-server, the Cal.com simulator over HTTP. Two scenarios:
// "overhead" (simulator rate limit off: what the server stack costs) and "limited" (120 requests per 3 s per key, two
// keys: the shared budget paces the calls). Prints one line per scenario for docs/BENCHMARKS.md.
import { createCalComSimulator, DEFAULT_API_KEY, SECOND_API_KEY } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startRedis } from '../../redis/test/redis-server';
import { startInstance, startNginx } from '../test/cluster';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000);

async function scenario(name: string, limited: boolean): Promise<void> {
  const simulator = createCalComSimulator(
    limited ? { rateLimit: { limit: 120, ttlMs: 3_000, blockMs: 3_000 } } : { rateLimit: { enabled: false } },
  );
  const redis = await startRedis();
  const calcom = await startCalComServer({ simulator });
  const env = {
    CALCOM_MCP_REDIS_URL: redis.url,
    CALCOM_MCP_RATE_LIMIT: limited ? '120' : '100000',
    CALCOM_MCP_RATE_WINDOW_MS: '3000',
    SIM_URL: calcom.url,
    SIM_NOW: String(simulator.now().getTime()),
  };
  const instances = await Promise.all([startInstance(env), startInstance(env), startInstance(env)]);
  const nginx = await startNginx(instances.map((instance) => instance.port));
  const keys = [DEFAULT_API_KEY, SECOND_API_KEY];
  const clients = await Promise.all(
    Array.from({ length: SESSIONS }, async (_, index) => {
      const client = new Client({ name: 'bench', version: '0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(nginx.url), {
          requestInit: { headers: { authorization: `Bearer ${keys[index % keys.length]}` } },
        }),
      );
      return client;
    }),
  );
  const latencies: Record<string, number[]> = { get_user_profile: [], list_event_types: [] };
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, session) => {
      for (let call = 0; call < CALLS / SESSIONS; call += 1) {
        const tool = (session + call) % 2 === 0 ? 'get_user_profile' : 'list_event_types';
        const begun = performance.now();
        const result = await client.callTool({ name: tool, arguments: {} });
        if (result.isError) throw new Error(`${tool} failed: ${JSON.stringify(result.content)}`);
        latencies[tool]?.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.close()));
  const all = Object.values(latencies).flat();
  const pct = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;
  const perTool = Object.entries(latencies)
    .map(([tool, values]) => `${tool} p50 ${pct(values, 50).toFixed(0)} ms p95 ${pct(values, 95).toFixed(0)} ms`)
    .join('; ');
  console.log(
    `${name}: ${CALLS} calls, ${SESSIONS} sessions, 3 instances + nginx + Redis: ${(CALLS / seconds).toFixed(1)} calls/s, p50 ${pct(all, 50).toFixed(0)} ms, p95 ${pct(all, 95).toFixed(0)} ms (${perTool}); ${simulator.requests.length} Cal.com requests`,
  );
  await nginx.stop();
  for (const instance of instances) instance.child.kill('SIGTERM');
  await Promise.all(instances.map((instance) => instance.exited()));
  await redis.stop();
  await calcom.close();
}

await scenario('overhead', false);
await scenario('limited', true);
