import type { ScenarioName, ScenarioOutput } from './scenarios';

/** One row of the side-by-side table. */
export interface BenchRow {
  readonly name: string;
  readonly raw: string;
  readonly openapiFetch: string;
  readonly ofetch: string;
  readonly client: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean;
}

/** What every scenario measured, by scenario name. */
export type Outputs = Readonly<Record<ScenarioName, ScenarioOutput>>;

const MB = 1024 * 1024;
const NONE = '—';

const metric = (output: ScenarioOutput, name: string): number => {
  const value = output.metrics[name];
  if (value === undefined) throw new Error(`The scenario reported no "${name}".`);
  return value;
};

/** A throughput row: req/s per contender, CalComClient over raw fetch, target ≥ 0.85. */
function throughputRow(name: string, output: ScenarioOutput): BenchRow {
  const rate = (contender: string) => metric(output, contender);
  const ratio = rate('CalComClient') / rate('raw fetch');
  return {
    name,
    raw: rate('raw fetch').toFixed(0),
    openapiFetch: rate('openapi-fetch').toFixed(0),
    ofetch: rate('ofetch').toFixed(0),
    client: rate('CalComClient').toFixed(0),
    ratio: ratio.toFixed(2),
    target: '≥ 0.85',
    met: ratio >= 0.85,
  };
}

/** An import-time row: milliseconds over `node -e 0`. */
function importRow(outputs: Outputs, name: string, label: string, limit: number | undefined): BenchRow {
  const importTime = outputs['import-time'];
  const base = metric(importTime, 'baseline');
  const over = metric(importTime, label);
  const plus = (ms: number) => `+${ms.toFixed(0)} ms`;
  return {
    name,
    raw: `\`node -e 0\` ${base.toFixed(0)} ms`,
    openapiFetch: label === '@calcom-int/core' ? plus(metric(importTime, 'openapi-fetch')) : NONE,
    ofetch: label === '@calcom-int/core' ? plus(metric(importTime, 'ofetch')) : NONE,
    client: plus(over),
    ratio: `${((base + over) / base).toFixed(2)}×`,
    target: limit === undefined ? '(reported)' : `≤ +${limit} ms`,
    met: limit === undefined || over <= limit,
  };
}

/**
 * Builds the side-by-side table (the rows of issue 12, then the older targets) from every scenario's metrics.
 *
 * @param outputs The metrics of every scenario.
 * @returns The rows, each with its target and whether it was met.
 */
export function buildRows(outputs: Outputs): BenchRow[] {
  const validate = outputs['validate-map'];
  const bundle = outputs.bundle;
  const kb = (contender: string) => `${(metric(bundle, contender) / 1024).toFixed(1)} KB`;
  const peak = metric(outputs['memory-iterate'], 'peakBytes');
  const held = metric(outputs['memory-collect'], 'heldBytes');
  const latency = outputs.latency;
  const tool = outputs['tool-output'];
  const share = metric(tool, 'textChars') / metric(tool, 'rawChars');
  const clientUs = metric(validate, 'clientUs');
  const row = (name: string, client: string, target: string, met: boolean): BenchRow => ({
    name,
    raw: NONE,
    openapiFetch: NONE,
    ofetch: NONE,
    client,
    ratio: NONE,
    target,
    met,
  });
  return [
    throughputRow('one event type, sequential req/s', outputs['event-type-sequential']),
    throughputRow('100-booking page, sequential req/s', outputs['bookings-sequential']),
    throughputRow('100-booking page, 16 concurrent req/s', outputs['bookings-concurrent']),
    {
      ...row('validate + map one 100-booking page', `${clientUs.toFixed(0)} µs`, '≤ 1,000 µs', clientUs <= 1000),
      raw: `JSON.parse ${metric(validate, 'jsonParseUs').toFixed(0)} µs`,
    },
    importRow(outputs, "cold `import('@calcom-int/core')`", '@calcom-int/core', 40),
    importRow(outputs, "cold `import('@calcom-int/tools/mcp')`", '@calcom-int/tools/mcp', 100),
    importRow(outputs, "cold `import('@calcom-int/tools')`", '@calcom-int/tools', undefined),
    importRow(
      outputs,
      'cold `@calcom-int/tools/mcp` + `createMcpServer` (loads the MCP SDK)',
      '@calcom-int/tools/mcp + createMcpServer',
      undefined,
    ),
    {
      name: 'esbuild bundle of an app that only calls createBooking (min+gzip)',
      raw: kb('raw fetch'),
      openapiFetch: kb('openapi-fetch'),
      ofetch: kb('ofetch'),
      client: kb('CalComClient'),
      ratio: NONE,
      target: '≤ 25 KB',
      met: metric(bundle, 'CalComClient') <= 25 * 1024,
    },
    row(
      `bookings.iterate over ${metric(outputs['memory-iterate'], 'count')} bookings: peak heap growth (own process)`,
      `${(peak / MB).toFixed(2)} MB (all ${metric(outputs['memory-collect'], 'count')} held in an array, own process: ${(held / MB).toFixed(1)} MB)`,
      '< 15 MB and < half of holding them all',
      peak < 15 * MB && peak < held / 2,
    ),
    row(
      'eventTypes.get, 500 sequential calls over the loopback simulator',
      `p50 ${metric(latency, 'p50').toFixed(2)} ms, p95 ${metric(latency, 'p95').toFixed(2)} ms`,
      'p50 < 5 ms',
      metric(latency, 'p50') < 5,
    ),
    row(
      'eventTypes.get, 500 concurrent calls (client concurrency cap 10)',
      `${metric(latency, 'concurrentRate').toFixed(0)} req/s, ${metric(latency, 'sockets')} connections opened`,
      // Node's fetch pools without a connection cap; a freed socket rejoins the pool a tick late, so up to twice the
      // client's concurrency cap may open (packages/core/src/internal/connection-pool.test.ts proves the same bound).
      '≥ 300 req/s, connections ≤ 20 (2 × cap)',
      metric(latency, 'concurrentRate') >= 300 && metric(latency, 'sockets') <= 20,
    ),
    row(
      'list_bookings (100 bookings): text for the model vs raw Cal.com JSON',
      `${metric(tool, 'textChars')} vs ${metric(tool, 'rawChars')} characters (${(share * 100).toFixed(0)}%)`,
      '≤ 33%',
      share <= 1 / 3,
    ),
    row(
      'list_bookings (100 bookings): end-to-end tool call over loopback',
      `p50 ${metric(tool, 'p50').toFixed(1)} ms`,
      'p50 < 50 ms',
      metric(tool, 'p50') < 50,
    ),
  ];
}

/**
 * Renders the rows as a Markdown table.
 *
 * @param rows The rows.
 * @returns The table.
 */
export function renderTable(rows: readonly BenchRow[]): string {
  return [
    '| | raw fetch | openapi-fetch | ofetch | CalComClient | ratio to raw | target | met |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.raw} | ${row.openapiFetch} | ${row.ofetch} | ${row.client} | ${row.ratio} | ${row.target} | ${row.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}
