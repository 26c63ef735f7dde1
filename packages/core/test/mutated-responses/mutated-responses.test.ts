import { server, simulator } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { CalComError } from '../../src/errors';
import { createTestClient } from '../support/test-client';
import { MUTATIONS, type Mutation } from './mutations';
import { READS, type ReadCase } from './reads';

/**
 * How long one call may take before it counts as a hang: far below vitest's 15 s test timeout, so a hang is counted
 * and reported here instead of killing the run.
 */
const HANG_MS = 5000;

/** How one call ended. */
type Outcome = 'result' | 'typed error' | 'untyped error' | 'hang';

/** The outcome of one read under one mutation. */
interface CaseResult {
  readonly read: string;
  readonly mutation: string;
  readonly outcome: Outcome;
  /** The error's name, for untyped errors. */
  readonly detail: string | undefined;
  /** Whether `Object.prototype` or a returned object's prototype was changed. */
  readonly polluted: boolean;
}

const results: CaseResult[] = [];

/**
 * Serves every request the read makes with the real simulator answer, mutated (error answers, which valid inputs do
 * not get, pass unchanged).
 *
 * @param mutation The mutation.
 */
function serveMutated(mutation: Mutation): void {
  server.use(
    http.all('https://api.cal.com/v2/*', async ({ request }) => {
      const real = await simulator().handle(request);
      if (!(real instanceof Response)) return HttpResponse.error();
      const bodyText = await real.text();
      if (real.status >= 300) return new Response(bodyText, { status: real.status, headers: real.headers });
      return mutation.apply({ status: real.status, headers: real.headers, bodyText });
    }),
  );
}

/**
 * Runs the call and classifies how it ended, giving up after {@link HANG_MS}.
 *
 * @param call The call.
 * @returns The outcome, the value or error, and the untyped error's name.
 */
async function settle(call: () => Promise<unknown>): Promise<{ outcome: Outcome; value: unknown; detail?: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<{ outcome: Outcome; value: unknown }>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'hang', value: undefined }), HANG_MS);
  });
  const run = call().then(
    (value) => ({ outcome: 'result' as const, value }),
    (error: unknown) =>
      CalComError.isInstance(error)
        ? { outcome: 'typed error' as const, value: error }
        : {
            outcome: 'untyped error' as const,
            value: error,
            detail: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error),
          },
  );
  try {
    return await Promise.race([run, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tells whether any object in a result has a prototype other than `Object.prototype` (arrays: `Array.prototype`),
 * walking with an explicit stack.
 *
 * @param value The result.
 * @returns Whether a prototype was changed.
 */
function hasForeignPrototype(value: unknown): boolean {
  const pending: unknown[] = [value];
  const visited = new Set<object>();
  for (let current = pending.pop(); pending.length > 0 || current !== undefined; current = pending.pop()) {
    if (typeof current !== 'object' || current === null || visited.has(current)) continue;
    visited.add(current);
    const expected = Array.isArray(current) ? Array.prototype : Object.prototype;
    if (Object.getPrototypeOf(current) !== expected || Object.hasOwn(current, '__proto__')) return true;
    pending.push(...Object.values(current));
  }
  return false;
}

describe.each(READS.map((read) => [read.name, read] as const))(
  '%s under mutated responses',
  (_name, read: ReadCase) => {
    it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))(
      '%s',
      async (_mutation, mutation: Mutation) => {
        serveMutated(mutation);
        const settled = await settle(() => read.call(createTestClient()));
        const polluted =
          ({} as Record<string, unknown>).polluted !== undefined ||
          (settled.outcome === 'result' && hasForeignPrototype(settled.value));
        results.push({
          read: read.name,
          mutation: mutation.name,
          outcome: settled.outcome,
          detail: settled.detail,
          polluted,
        });
        expect(settled.outcome === 'untyped error' ? settled.detail : undefined).toBeUndefined();
        expect(settled.outcome).not.toBe('hang');
        expect(polluted).toBe(false);
      },
      // Building and reading a 9 MB body takes about 1 s alone but over 20 s while the other packages' suites run on
      // the same 2 cores with coverage on; a hang is still caught by HANG_MS above.
      60_000,
    );
  },
);

describe('mutated responses: totals', () => {
  it(`${MUTATIONS.length} mutations × ${READS.length} reads: 0 untyped errors, 0 hangs, 0 prototype pollution`, () => {
    const count = (outcome: Outcome) => results.filter((result) => result.outcome === outcome).length;
    const totals = {
      cases: results.length,
      untyped: count('untyped error'),
      hangs: count('hang'),
      polluted: results.filter((result) => result.polluted).length,
    };
    expect(totals).toEqual({ cases: MUTATIONS.length * READS.length, untyped: 0, hangs: 0, polluted: 0 });
    expect(count('typed error') + count('result')).toBe(MUTATIONS.length * READS.length);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
