import { createHash } from 'node:crypto';
import type { CalComClient } from '@calcom-int/core';
import type { LedgerOutcome, LedgerWrite } from '@calcom-int/redis';
import { type CalComTool, runTool, type ToolResult } from '@calcom-int/tools';
import { toCallToolResult } from '@calcom-int/tools/mcp';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { JsonLogger } from './json-logger';
import type { ServerMetrics } from './metrics';
import { reconcileWrite } from './reconcile';

/** The `_meta` field of a `tools/call` request that carries the caller's idempotency key. */
export const IDEMPOTENCY_META_KEY = 'calcom-int/idempotency-key';
/** How long a write identified only by its content (no idempotency key) is de-duplicated, in ms. */
export const CONTENT_DEDUP_TTL_MS = 120_000;

/** Anything that carries writes out at most once (a `RedisWriteLedger`). */
export interface WriteLedger {
  /** Carries a write out at most once across instances. */
  run<T>(write: LedgerWrite<T>): Promise<{ result: T; outcome: LedgerOutcome }>;
}

/** What one request's tool calls need. */
export interface ToolCallContext {
  /** The caller's client. */
  readonly client: CalComClient;
  /** The caller's budget key (a hash of the token). */
  readonly userKey: string;
  /** The tools served. */
  readonly tools: readonly CalComTool[];
  /** The `Idempotency-Key` HTTP header, if any. */
  readonly idempotencyHeader: string | undefined;
  /** The write ledger; writes run unprotected without one. */
  readonly ledger: WriteLedger | undefined;
  /** The metrics. */
  readonly metrics: ServerMetrics;
  /** The request's logger. */
  readonly logger: JsonLogger;
  /** Whether to add `structuredContent`. */
  readonly structuredContent: boolean;
}

/**
 * Replaces the `tools/call` handler of a server made by `createMcpServer` with one that also measures each call and
 * passes writes through the de-duplication ledger (same results, through the tools' own `runTool` and
 * `toCallToolResult`).
 *
 * @param server The MCP server.
 * @param context The caller's client, tools, ledger, metrics and logger.
 */
export function handleToolCalls(server: McpServer, context: ToolCallContext): void {
  const byName = new Map(context.tools.map((tool) => [tool.name, tool]));
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const tool = byName.get(name);
    if (tool === undefined) {
      context.metrics.toolCalls.inc({ tool: 'unknown', outcome: 'error' });
      return {
        isError: true,
        content: [{ type: 'text', text: `Unknown tool ${name}. Available tools: ${[...byName.keys()].join(', ')}.` }],
      };
    }
    const input = request.params.arguments ?? {};
    const started = performance.now();
    const run = () => runTool(tool, input, { client: context.client, signal: extra.signal });
    let result: ToolResult;
    if (tool.needsApproval && context.ledger !== undefined) {
      const explicit = metaKey(request.params._meta) ?? context.idempotencyHeader;
      const { result: written, outcome } = await context.ledger.run<ToolResult>({
        key: digest([context.userKey, name, explicit ?? canonicalJson(input)]),
        execute: run,
        reconcile: () => reconcileWrite(context.client, name, input, extra.signal),
        isFinal: (value) => value.ok || value.error.kind === 'unknown_outcome',
        signal: extra.signal,
        ...(explicit === undefined ? { ttlMs: CONTENT_DEDUP_TTL_MS } : {}),
      });
      context.metrics.writes.inc({ outcome });
      if (outcome !== 'executed') {
        context.logger.info('write de-duplicated', { tool: name, outcome });
      }
      result = written;
    } else {
      result = await run();
    }
    const seconds = (performance.now() - started) / 1000;
    context.metrics.toolLatency.observe({ tool: name }, seconds);
    context.metrics.toolCalls.inc({ tool: name, outcome: result.ok ? 'ok' : 'error' });
    context.logger.info('tool call', {
      tool: name,
      ok: result.ok,
      ms: Math.round(seconds * 1000),
      ...(result.ok ? {} : { error: result.error.kind }),
    });
    return toCallToolResult(result, { structuredContent: context.structuredContent });
  });
}

/**
 * Reads the idempotency key from a request's `_meta`.
 *
 * @param meta The `_meta` object.
 * @returns The key, if it is a non-empty string.
 */
function metaKey(meta: Record<string, unknown> | undefined): string | undefined {
  const value = meta?.[IDEMPOTENCY_META_KEY];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Hashes parts into a ledger key (never a token: the user part is already a hash).
 *
 * @param parts The parts.
 * @returns The hex SHA-256.
 */
function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * Serialises a value with sorted object keys, so that the same input always gives the same text.
 *
 * @param value The value.
 * @returns The canonical JSON.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
