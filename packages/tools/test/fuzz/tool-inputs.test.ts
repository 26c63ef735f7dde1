import { simulator, useSimulator } from '@calcom-int/testkit/vitest';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCalComTools } from '../../src/create-cal-com-tools';
import type { ToolResult } from '../../src/run-tool';
import { calComTools } from '../../src/tools/all-tools';
import { createTestClient, NOW, requestsSeen } from '../support';
import { fieldArbitraries, toolInputArbitraries } from './arbitraries';
import { fuzzRuns } from './fuzz-runs';
import { allowedRequests, SAFE_PATH } from './request-scope';

/** Generated inputs per tool: `CALCOM_FUZZ_RUNS`, 1000 by default. */
const RUNS = fuzzRuns();

/** How the runs split: most inputs must be refused before sending, a share is valid, a share is anything at all. */
const WEIGHTS = { refused: 6, valid: 2, wild: 2 } as const;

type Family = keyof typeof WEIGHTS;

/** The built-in prototypes that pollution would change. */
const PROTOTYPES = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};

/** Takes the own properties of the built-in prototypes, to notice pollution. */
function prototypeSnapshot(): Map<string, unknown> {
  const snapshot = new Map<string, unknown>();
  for (const [name, prototype] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      snapshot.set(`${name}.prototype[${String(key)}]`, descriptor?.value ?? descriptor?.get);
    }
  }
  return snapshot;
}

/**
 * Lists what changed on the built-in prototypes since a snapshot.
 *
 * @param before The snapshot.
 * @returns The added, removed or replaced properties.
 */
function prototypeChanges(before: Map<string, unknown>): string[] {
  const after = prototypeSnapshot();
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => !before.has(key) || !after.has(key) || before.get(key) !== after.get(key));
}

/**
 * Shortens the lines of a fast-check report: a counterexample with a 1 MB string must not flood the output.
 *
 * @param report The report.
 * @returns The report with every line at most 2000 characters.
 */
function shortened(report: string): string {
  return report
    .split('\n')
    .map((line) => (line.length > 2000 ? `${line.slice(0, 2000)}… (${line.length} characters)` : line))
    .join('\n');
}

/**
 * Asserts everything a tool result must be, whatever the input: a `ToolResult`, never an internal failure, JSON.
 *
 * @param result The value `execute` resolved to.
 */
function expectToolResult(result: ToolResult): void {
  expect(typeof result).toBe('object');
  expect(typeof result.text).toBe('string');
  expect(result.text.length).toBeGreaterThan(0);
  if (result.ok) {
    expect(result.structured).toBeTypeOf('object');
  } else {
    expect(typeof result.error.kind).toBe('string');
    expect(typeof result.error.message).toBe('string');
    expect(typeof result.error.retryable).toBe('boolean');
    // `internal` means the tool threw something unexpected: a bug, whatever the input.
    expect(result.error.kind, result.text).not.toBe('internal');
  }
  expect(() => JSON.stringify(result)).not.toThrow();
}

/**
 * Asserts that every request stays inside the tool's resource, on safe paths only.
 *
 * @param tool The tool name.
 * @param input The input.
 * @param sent The requests the simulator saw during the call.
 */
function expectRequestsInScope(
  tool: string,
  input: unknown,
  sent: readonly { readonly method: string; readonly path: string }[],
): void {
  const allowed = allowedRequests(tool, input);
  for (const request of sent) {
    const line = `${request.method} ${request.path}`;
    expect(request.path, line).toMatch(SAFE_PATH);
    expect(
      allowed.some(({ method, path }) => method === request.method && path.test(request.path)),
      `${tool} sent ${line}, outside ${allowed.map(({ method, path }) => `${method} ${path.source}`).join(', ')}`,
    ).toBe(true);
  }
}

describe('fuzzing every tool input', () => {
  beforeEach(() => {
    // The fixed clock of the tools tests; no rate limit, so a thousand calls never wait for a window to reset.
    useSimulator({ now: () => new Date(NOW), rateLimit: { enabled: false } });
  });

  it('knows how to generate every parameter of every tool', () => {
    const fields = fieldArbitraries({ now: NOW.getTime(), bookingUids: ['uid'] });
    const tools = createCalComTools(createTestClient());
    const parameters = Object.values(tools).flatMap((tool) => Object.keys(tool.inputSchema.properties ?? {}));
    expect(parameters.filter((name) => fields[name] === undefined)).toEqual([]);
    expect(Object.keys(tools)).toEqual(calComTools.map((tool) => tool.name));
  });

  it.each(calComTools.map((tool) => tool.name))(
    `%s: ${RUNS} generated inputs never throw, refused ones send nothing, sent ones stay in scope`,
    async (name) => {
      const now = NOW.getTime();
      const bookingUids = simulator().state.bookings.map((booking) => booking.uid);
      const client = createTestClient();
      const tool = createCalComTools(client)[name];
      if (tool === undefined) throw new Error(`no tool ${name}`);
      const inputs = toolInputArbitraries(tool, fieldArbitraries({ now, bookingUids }), now);
      const generated = fc.oneof(
        ...(Object.keys(WEIGHTS) as Family[]).map((family) => ({
          weight: WEIGHTS[family],
          arbitrary: inputs[family].map((input) => ({ family, input })),
        })),
      );
      const prototypes = prototypeSnapshot();
      const seen = { refused: 0, valid: 0, wild: 0, sent: 0 };

      await fc.assert(
        fc.asyncProperty(generated, async ({ family, input }) => {
          const before = requestsSeen().length;
          const result = await tool.execute(input);
          const sent = requestsSeen().slice(before);
          seen[family] += 1;
          seen.sent += sent.length === 0 ? 0 : 1;

          expectToolResult(result);
          if (family === 'refused') {
            expect(result.ok ? 'ok' : result.error.kind, result.text).toBe('invalid_input');
          }
          if (family === 'valid') {
            expect(result.ok ? 'ok' : result.error.kind, result.text).not.toBe('invalid_input');
          }
          const requests = sent.map(({ method, path }) => `${method} ${path}`);
          // Refused by the tool's schema: nothing went out.
          if (!result.ok && result.error.kind === 'invalid_input') expect(requests).toEqual([]);
          // Refused by the client's own checks: no write went out.
          if (!result.ok && result.error.kind === 'rejected_input' && result.error.status === undefined) {
            expect(requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
          }
          expectRequestsInScope(name, input, sent);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(prototypeChanges(prototypes)).toEqual([]);
          // A write changed the seed data: start the next run from it again.
          if (sent.some(({ method }) => method !== 'GET')) simulator().reset();
        }),
        {
          numRuns: RUNS,
          // A call that hangs fails its run with the input and the seed (no shrinking, which would hang again)
          // instead of running into the test's timeout without either.
          timeout: 10_000,
          endOnFailure: true,
          includeErrorInReport: true,
          reporter: (details) => {
            if (details.failed) throw new Error(shortened(fc.defaultReportMessage(details) ?? 'fuzz run failed'));
          },
        },
      );
      await client.close();

      // Every run was counted, most inputs were refused ones, and some reached Cal.com.
      expect(seen.refused + seen.valid + seen.wild).toBe(RUNS);
      if (RUNS >= 100) {
        expect(seen.refused).toBeGreaterThan(RUNS / 2);
        expect(seen.valid).toBeGreaterThan(0);
        expect(seen.sent).toBeGreaterThan(0);
      }
    },
    // A guard against hangs, not a speed target: a loaded 2-core machine with coverage on needs about 80 ms a run.
    Math.max(30_000, RUNS * 150),
  );
});
