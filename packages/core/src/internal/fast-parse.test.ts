import {
  buildBooking,
  buildEventType,
  buildMe,
  buildMembership,
  buildPagination,
  buildRescheduledPair,
  buildSchedule,
  buildSlots,
  buildTeam,
  buildTeamEventType,
  buildWebhook,
} from '@calcom-int/testkit/fixtures';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  CalComEventSchema,
  EventTypeSchema,
  PaginationSchema,
  ScheduleSchema,
  SlotsDtoSchema,
  TeamMembersSchema,
  TeamSchema,
  UserSchema,
  WebhookSchema,
} from '../models';
import { compileSchema, NOT_PARSED } from './fast-parse';

/**
 * Runs a schema both ways: the compiled parser and valibot.
 *
 * @param schema The schema.
 * @param input The value.
 * @returns Both outcomes, each the output or `NOT_PARSED`.
 */
function both(schema: v.GenericSchema, input: unknown): { compiled: unknown; valibot: unknown } {
  const result = v.safeParse(schema, input, { abortEarly: true });
  return { compiled: compileSchema(schema)(input), valibot: result.success ? result.output : NOT_PARSED };
}

/**
 * Asserts that the compiled parser agrees with valibot: the same output, keys in the same order, for a value valibot
 * accepts; `NOT_PARSED` for a value it refuses.
 *
 * @param schema The schema.
 * @param input The value.
 */
function expectAgreement(schema: v.GenericSchema, input: unknown): void {
  const { compiled, valibot } = both(schema, input);
  expect(compiled).toStrictEqual(valibot);
  if (valibot !== NOT_PARSED) {
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(valibot));
  }
}

/** Values that break most fields: wrong types, empty values, edge numbers, bad timestamps. */
const REPLACEMENTS: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  '2050-02-30T07:00:00.000Z',
  '2050-09-05T24:00:00.000Z',
  '2050-09-05T09:00:00+02:00',
  0,
  -1,
  1.5,
  Number.NaN,
  2 ** 53,
  true,
  {},
  [],
  [{}],
];

/**
 * Lists every path in a JSON value (object keys and array indexes), the root excluded.
 *
 * @param value The value.
 * @param prefix The path so far.
 * @returns The paths.
 */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [
    [...prefix, key],
    ...pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
  ]);
}

/**
 * Copies a JSON value with one path replaced (or deleted when the replacement is `undefined`).
 *
 * @param value The value.
 * @param path The path.
 * @param replacement The new value.
 * @returns The copy.
 */
function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (replacement === undefined && !Array.isArray(parent)) {
    delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return copy;
}

const pair = buildRescheduledPair();
const CASES: readonly [string, v.GenericSchema, unknown][] = [
  ['a booking', CalComEventSchema, buildBooking()],
  [
    'a booking with offsets, no email, metadata and notes',
    CalComEventSchema,
    buildBooking({
      start: '2050-09-05T09:00:00+02:00',
      end: '2050-09-05T09:30:00.5-04:30',
      attendees: [{ name: 'Ann', timeZone: 'Europe/Rome', absent: true } as never],
      metadata: { source: 'web', nested: { a: [1, 2] } },
      bookingFieldsResponses: { notes: 'Bring the slides', guests: [] },
    }),
  ],
  ['a page of bookings', v.array(CalComEventSchema), [pair.from, pair.to]],
  ['an event type', EventTypeSchema, buildEventType()],
  ['a team event type', EventTypeSchema, buildTeamEventType()],
  ['a schedule', ScheduleSchema, buildSchedule()],
  ['slots', SlotsDtoSchema, buildSlots({ lengthInMinutes: 30 })],
  ['the user', UserSchema, buildMe()],
  ['a team', TeamSchema, buildTeam()],
  ['team members (array)', TeamMembersSchema, [buildMembership()]],
  ['team members (one object)', TeamMembersSchema, buildMembership()],
  ['a webhook', WebhookSchema, buildWebhook()],
  ['pagination', PaginationSchema, buildPagination({ totalItems: 250, take: 100, skip: 100 })],
];

describe('compileSchema agrees with valibot on every response model', () => {
  it.each(CASES)('accepts %s with valibot’s exact output', (_name, schema, fixture) => {
    expect(v.safeParse(schema, fixture).success).toBe(true);
    expectAgreement(schema, fixture);
  });

  it.each(CASES)(
    'decides like valibot for every field of %s replaced by a bad or edge value',
    (_name, schema, fixture) => {
      let refused = 0;
      for (const path of pathsOf(fixture)) {
        for (const replacement of REPLACEMENTS) {
          const input = replaced(fixture, path, replacement);
          expectAgreement(schema, input);
          if (compileSchema(schema)(input) === NOT_PARSED) refused += 1;
        }
      }
      // The mutations do reach the checks: many of them are refused.
      expect(refused).toBeGreaterThan(0);
    },
  );

  it('refuses what is not the model at all', () => {
    for (const input of [undefined, null, 'booking', 42, [], {}]) {
      expect(compileSchema(CalComEventSchema)(input)).toBe(NOT_PARSED);
      expectAgreement(CalComEventSchema, input);
    }
  });
});

describe('compileSchema follows valibot’s rules for each schema and action it knows', () => {
  it('gives defaults for missing optional and nullish keys, and leaves out missing optional keys without one', () => {
    const schema = v.object({
      a: v.optional(v.boolean(), false),
      b: v.nullish(v.string(), 'none'),
      c: v.optional(v.string()),
      d: v.nullable(v.number()),
      e: v.literal('x'),
      f: v.null(),
      g: v.unknown(),
    });
    expect(compileSchema(schema)({ d: null, e: 'x', f: null, g: [1] })).toStrictEqual({
      a: false,
      b: 'none',
      d: null,
      e: 'x',
      f: null,
      g: [1],
    });
    expect(compileSchema(schema)({ b: null, c: undefined, d: 1, e: 'x', f: null, g: undefined })).toStrictEqual({
      a: false,
      b: 'none',
      c: undefined,
      d: 1,
      e: 'x',
      f: null,
      g: undefined,
    });
    // A missing nullable or unknown key is an issue in valibot (only optional and nullish keys may be missing).
    for (const input of [
      { e: 'x', f: null, g: 1 },
      { d: 1, e: 'x', f: null },
      { d: 1, e: 'y', f: null, g: 1 },
      { d: 1, e: 'x', f: 0, g: 1 },
      { a: 'yes', d: 1, e: 'x', f: null, g: 1 },
    ]) {
      expect(compileSchema(schema)(input)).toBe(NOT_PARSED);
      expectAgreement(schema, input);
    }
    expectAgreement(schema, { b: null, c: undefined, d: 1, e: 'x', f: null, g: undefined });
    expect(compileSchema(v.nullable(v.string(), 'empty'))(null)).toBe('empty');
  });

  it('runs checks and transforms in order, skipping metadata', () => {
    const schema = v.pipe(
      v.string(),
      v.minLength(2),
      v.maxLength(4),
      v.regex(/^[a-z]+$/),
      v.description('a word'),
      v.check((value) => value !== 'nope'),
      v.transform((value) => value.length),
      v.integer(),
      v.minValue(3),
      v.maxValue(3),
    );
    expect(compileSchema(schema)('abc')).toBe(3);
    for (const input of ['a', 'abcde', 'ABC', 'nope', 'ab', 5]) {
      expect(compileSchema(schema)(input)).toBe(NOT_PARSED);
      expectAgreement(schema, input);
    }
  });

  it('asks valibot for the schemas and actions it does not know (records, unions, raw transforms, fallbacks)', () => {
    const schema = v.object({
      record: v.record(v.string(), v.number()),
      union: v.union([v.string(), v.number()]),
      raw: v.pipe(
        v.string(),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          if (dataset.value === 'bad') {
            addIssue({ message: 'bad' });
            return NEVER;
          }
          return dataset.value.toUpperCase();
        }),
      ),
      minDate: v.pipe(v.date(), v.minValue(new Date(0)), v.maxValue(new Date(5000))),
    });
    const good = { record: { a: 1, b: 2 }, union: 3, raw: 'ok', minDate: new Date(1000) };
    expect(compileSchema(schema)(good)).toStrictEqual({ ...good, raw: 'OK' });
    for (const input of [
      { ...good, record: { a: 'x' } },
      { ...good, union: true },
      { ...good, raw: 'bad' },
      { ...good, minDate: new Date(-1) },
      { ...good, minDate: new Date(5001) },
    ]) {
      expect(compileSchema(schema)(input)).toBe(NOT_PARSED);
    }
    const withFallback = v.object({ a: v.fallback(v.string(), 'x') });
    expect(compileSchema(withFallback)({ a: 1 })).toStrictEqual({ a: 'x' });
    const withLazyDefault = v.object({ a: v.optional(v.string(), () => 'later') });
    expect(compileSchema(withLazyDefault)({})).toStrictEqual({ a: 'later' });
    expect(compileSchema(v.optional(v.string(), () => 'later'))(undefined)).toBe('later');
  });

  it('copies records with plain string keys, without prototype keys, as valibot does', () => {
    const schema = v.object({ record: v.record(v.string(), v.unknown()), 'quoted "key"': v.optional(v.number()) });
    const input = JSON.parse(
      '{"record":{"__proto__":{"x":1},"constructor":2,"prototype":3,"a":{"b":[1]}},"quoted \\"key\\"":4}',
    );
    expect(compileSchema(schema)(input)).toStrictEqual({ record: { a: { b: [1] } }, 'quoted "key"': 4 });
    expectAgreement(schema, input);
    expectAgreement(schema, { record: 'x' });
    expectAgreement(schema, { record: {}, 'quoted "key"': '4' });
  });

  it('vouches for nothing where the runtime forbids generating code, so valibot checks every value', () => {
    const schema = v.object({ a: v.string() });
    const original = globalThis.Function;
    globalThis.Function = function refuse() {
      throw new EvalError('Code generation from strings disallowed for this context');
    } as unknown as FunctionConstructor;
    let parser: (input: unknown) => unknown;
    try {
      parser = compileSchema(schema);
    } finally {
      globalThis.Function = original;
    }
    expect(parser({ a: 'x' })).toBe(NOT_PARSED);
    expect(v.parse(schema, { a: 'x' })).toStrictEqual({ a: 'x' });
  });

  it('compiles a schema once and reuses the parser', () => {
    const schema = v.array(v.string());
    expect(compileSchema(schema)).toBe(compileSchema(schema));
  });
});
