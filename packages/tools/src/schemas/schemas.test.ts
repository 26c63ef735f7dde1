import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toRangeBound } from './date-time';
import { LimitSchema, SkipSchema } from './limits';
import { describeEmailFlag } from './notification';
import { crossFieldCheck, rangeCheck } from './range';

// The field rules themselves (ids, times, emails, text, zones) are core's and tested there
// (packages/core/src/models/input/input.test.ts); tools-and-core agreement is tested in tools/shared-rules.test.ts.

describe('limits', () => {
  it('defaults limit to 10 and skip to 0', () => {
    expect(v.parse(LimitSchema, undefined)).toBe(10);
    expect(v.parse(SkipSchema, undefined)).toBe(0);
  });
});

describe('rangeCheck and crossFieldCheck', () => {
  const schema = v.pipe(
    v.strictObject({ from: v.string(), to: v.optional(v.string()) }),
    rangeCheck({ start: 'from', end: 'to', maxDays: 2 }),
  );
  const dates = v.pipe(
    v.strictObject({ from: v.string(), to: v.string() }),
    rangeCheck({ start: 'from', end: 'to', dates: true }),
  );
  const issues = (result: { readonly issues?: readonly v.BaseIssue<unknown>[] | undefined }) =>
    result.issues?.map((issue) => [v.getDotPath(issue), issue.message]);

  it('accepts an end after the start, and a range with its end left out', () => {
    expect(v.safeParse(schema, { from: '2026-11-26T09:00:00Z', to: '2026-11-26T09:30:00Z' }).success).toBe(true);
    expect(v.safeParse(schema, { from: '2026-11-26T09:00:00Z' }).success).toBe(true);
    expect(v.safeParse(dates, { from: '2026-11-26', to: '2026-11-26' }).success).toBe(true);
  });

  it("names the end field with core's range problem", () => {
    expect(issues(v.safeParse(schema, { from: '2026-11-26T09:00:00Z', to: '2026-11-26T10:00:00+01:00' }))).toEqual([
      [
        'to',
        '2026-11-26T10:00:00+01:00 is not after the start 2026-11-26T09:00:00Z. Pass an end later than the start (swap them or fix the date).',
      ],
    ]);
    expect(issues(v.safeParse(schema, { from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:01Z' }))).toEqual([
      [
        'to',
        '2026-11-01T00:00:00Z to 2026-11-03T00:00:01Z is longer than 2 days. Ask for a shorter range and page through it.',
      ],
    ]);
  });

  it('runs only once every field is valid', () => {
    const checked = v.pipe(
      v.strictObject({ a: v.number('a number'), b: v.optional(v.number()) }),
      crossFieldCheck((input) => (input.b === undefined ? undefined : { field: 'b', message: 'not with a' })),
    );
    expect(issues(v.safeParse(checked, { a: 'x', b: 1 }, { abortPipeEarly: true }))).toEqual([['a', 'a number']]);
    expect(issues(v.safeParse(checked, { a: 1, b: 1 }, { abortPipeEarly: true }))).toEqual([['b', 'not with a']]);
  });
});

describe('toRangeBound', () => {
  it('turns a start date into midnight UTC and an end date into the next midnight', () => {
    expect(toRangeBound('2026-11-26', 'start')).toBe('2026-11-26T00:00:00Z');
    expect(toRangeBound('2026-11-26', 'end')).toBe('2026-11-27T00:00:00Z');
  });

  it("turns an end date into 23:59:59Z as the last start of a slot (Cal.com's meaning), so the next 00:00 is out", () => {
    expect(toRangeBound('2026-11-26', 'lastStart')).toBe('2026-11-26T23:59:59Z');
  });

  it('keeps date-times as given', () => {
    expect(toRangeBound('2026-11-26T10:00:00+01:00', 'end')).toBe('2026-11-26T10:00:00+01:00');
    expect(toRangeBound('2026-11-26T10:00:00+01:00', 'lastStart')).toBe('2026-11-26T10:00:00+01:00');
  });
});

describe('describeEmailFlag', () => {
  it('says honestly that Cal.com sends emails itself', () => {
    expect(describeEmailFlag(false, 'the confirmation email')).toBe(
      'You asked not to send the confirmation email, but Cal.com sends the confirmation email on its own; its API has no switch to turn that off.',
    );
    expect(describeEmailFlag(undefined, 'the confirmation email')).toBe(
      'Cal.com sends the confirmation email on its own.',
    );
  });
});
