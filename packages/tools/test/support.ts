import { CalComClient, type CalComClientOptions } from '@calcom-int/core';
import { simulator, TEST_CLIENT_OPTIONS, useSimulator } from '@calcom-int/testkit/vitest';
import { expect } from 'vitest';
import type { ToolContext } from '../src/define-tool';
import type { ToolResult } from '../src/run-tool';
import { calComTools } from '../src/tools/all-tools';

/** The fixed simulator clock of the tool tests: Wednesday 2026-11-25 08:00 UTC. */
export const NOW = new Date('2026-11-25T08:00:00Z');

/**
 * Installs a simulator with a fixed clock for the current test.
 *
 * @param bookings Extra generated bookings.
 */
export function useFixedSimulator(bookings = 0): void {
  useSimulator({ now: () => new Date(NOW), seed: { bookings } });
}

/**
 * Creates a client for the msw-backed simulator: no retries, no breaker, quiet, and on the simulator's clock, so the
 * slot check before a booking looks at the same day as the simulator whatever the real date is.
 *
 * @param options Overrides.
 * @returns The client.
 */
export function createTestClient(options: CalComClientOptions = {}): CalComClient {
  return new CalComClient({
    ...TEST_CLIENT_OPTIONS,
    maxRetries: 0,
    circuitBreaker: false,
    logLevel: 'silent',
    ...options,
  });
}

/**
 * Creates a tool context around a test client.
 *
 * @param options Client overrides.
 * @returns The context.
 */
export function createTestContext(options: CalComClientOptions = {}): ToolContext {
  return { client: createTestClient(options) };
}

/** The requests the simulator saw, without headers. */
export function requestsSeen(): { method: string; path: string; query: Record<string, string>; body: unknown }[] {
  return simulator().requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

/**
 * Asserts a successful result and returns it.
 *
 * @param result The tool result.
 * @returns The success.
 */
export function expectOk(result: ToolResult): Extract<ToolResult, { ok: true }> {
  if (!result.ok) expect.fail(`expected success, got: ${result.text}`);
  return result;
}

/**
 * Asserts a failed result and returns it.
 *
 * @param result The tool result.
 * @returns The failure.
 */
export function expectFailure(result: ToolResult): Extract<ToolResult, { ok: false }> {
  if (result.ok) expect.fail(`expected failure, got: ${result.text}`);
  return result;
}

/**
 * The tools that need approval by default (every write), in the order of `calComTools`; `all-tools.test.ts` pins
 * which tools are reads, so this list is not restated in every adapter's test.
 */
export const WRITE_TOOL_NAMES: readonly string[] = calComTools
  .filter((tool) => tool.needsApproval)
  .map((tool) => tool.name);
