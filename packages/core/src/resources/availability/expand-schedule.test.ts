import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../models/schedule';
import { expandSchedule } from './availability';

/**
 * Builds a Berlin schedule with the given rules, every day of the week.
 *
 * @param rules `[startTime, endTime]` pairs.
 * @returns The schedule.
 */
function schedule(rules: readonly (readonly [string, string])[]): Schedule {
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
  return {
    id: 1,
    ownerId: 1001,
    name: 'Hours',
    timeZone: 'Europe/Berlin',
    isDefault: true,
    availability: rules.map(([startTime, endTime]) => ({ days: [...days], startTime, endTime })),
    overrides: [],
  };
}

/**
 * Expands a schedule over one UTC day and shows the intervals as ISO strings.
 *
 * @param rules The rules.
 * @param day The UTC day, `YYYY-MM-DD`.
 * @returns The intervals.
 */
function expand(rules: readonly (readonly [string, string])[], day: string): string[] {
  const start = Date.parse(`${day}T00:00:00Z`);
  return expandSchedule(schedule(rules), { start, end: start + 86_400_000 }).map(
    (interval) => `${new Date(interval.start).toISOString()}/${new Date(interval.end).toISOString()}`,
  );
}

describe('expandSchedule with many, overlapping or repeated rules', () => {
  it('merges overlapping and touching rules and drops one that ends before it starts', () => {
    expect(
      expand(
        [
          ['09:00', '12:00'],
          ['11:00', '13:00'],
          ['13:00', '14:00'],
          ['16:00', '15:00'],
          ['18:00', '18:30'],
        ],
        '2026-06-01',
      ),
    ).toEqual([
      '2026-06-01T07:00:00.000Z/2026-06-01T12:00:00.000Z',
      '2026-06-01T16:00:00.000Z/2026-06-01T16:30:00.000Z',
    ]);
  });

  it('gives 20,000 copies of a rule the same hours as one (an answer may repeat a rule any number of times)', () => {
    const once = expand([['09:00', '17:00']], '2026-06-01');
    expect(
      expand(
        Array.from({ length: 20_000 }, () => ['09:00', '17:00'] as const),
        '2026-06-01',
      ),
    ).toEqual(once);
    expect(once).toEqual(['2026-06-01T07:00:00.000Z/2026-06-01T15:00:00.000Z']);
  });

  it('merges across the spring-forward gap as the instants would (02:30 does not exist on 2026-03-29)', () => {
    expect(
      expand(
        [
          ['01:00', '02:30'],
          ['02:30', '04:00'],
        ],
        '2026-03-29',
      ),
    ).toEqual([
      '2026-03-29T00:00:00.000Z/2026-03-29T02:00:00.000Z',
      // The next day's 01:00 CEST, cut at the end of the range.
      '2026-03-29T23:00:00.000Z/2026-03-30T00:00:00.000Z',
    ]);
  });

  it('keeps a rule up to 24:00', () => {
    expect(expand([['20:00', '24:00']], '2026-06-01')).toEqual(['2026-06-01T18:00:00.000Z/2026-06-01T22:00:00.000Z']);
  });
});
