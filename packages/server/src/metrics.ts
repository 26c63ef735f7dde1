import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics, in a registry of their own (several servers can live in one process). */
export interface ServerMetrics {
  /** The registry, served at `/metrics`. */
  readonly registry: Registry;
  /** Tool calls by tool and outcome (`ok`, `error`). */
  readonly toolCalls: Counter<'tool' | 'outcome'>;
  /** Tool call latency in seconds, by tool. */
  readonly toolLatency: Histogram<'tool'>;
  /** Cal.com responses by HTTP status. */
  readonly calcomResponses: Counter<'status'>;
  /** Cal.com 429 answers. */
  readonly calcomRateLimited: Counter;
  /** Waits for the shared rate budget, by mode (`shared`, `degraded`). */
  readonly rateBudgetWaits: Counter<'mode'>;
  /** 1 while the rate budget is local because Redis is unreachable. */
  readonly rateBudgetDegraded: Gauge;
  /** Writes through the de-duplication ledger, by outcome (`executed`, `replayed`, `reconciled`, `unprotected`). */
  readonly writes: Counter<'outcome'>;
  /** HTTP requests by route and status. */
  readonly httpRequests: Counter<'route' | 'status'>;
  /** MCP requests being handled right now. */
  readonly inFlight: Gauge;
}

/**
 * Creates the metrics (names prefixed `calcom_mcp_`).
 *
 * @returns The metrics.
 */
export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    toolCalls: new Counter({
      name: 'calcom_mcp_tool_calls_total',
      help: 'Tool calls by tool and outcome.',
      labelNames: ['tool', 'outcome'],
      registers,
    }),
    toolLatency: new Histogram({
      name: 'calcom_mcp_tool_call_duration_seconds',
      help: 'Tool call latency in seconds.',
      labelNames: ['tool'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    calcomResponses: new Counter({
      name: 'calcom_mcp_calcom_responses_total',
      help: 'Cal.com API responses by HTTP status.',
      labelNames: ['status'],
      registers,
    }),
    calcomRateLimited: new Counter({
      name: 'calcom_mcp_calcom_rate_limited_total',
      help: 'Cal.com 429 (rate limited) answers.',
      registers,
    }),
    rateBudgetWaits: new Counter({
      name: 'calcom_mcp_rate_budget_waits_total',
      help: 'Times a request waited for the shared rate budget.',
      labelNames: ['mode'],
      registers,
    }),
    rateBudgetDegraded: new Gauge({
      name: 'calcom_mcp_rate_budget_degraded',
      help: '1 while the rate budget is local because Redis is unreachable.',
      registers,
    }),
    writes: new Counter({
      name: 'calcom_mcp_writes_total',
      help: 'Writes through the de-duplication ledger by outcome.',
      labelNames: ['outcome'],
      registers,
    }),
    httpRequests: new Counter({
      name: 'calcom_mcp_http_requests_total',
      help: 'HTTP requests by route and status.',
      labelNames: ['route', 'status'],
      registers,
    }),
    inFlight: new Gauge({ name: 'calcom_mcp_in_flight_requests', help: 'MCP requests in flight.', registers }),
  };
}
