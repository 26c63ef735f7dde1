import { describe, expect, it } from 'vitest';
import { renderAvailability } from './render-availability';

/** Consecutive free times of one length from a UTC start. */
function steps(start: string, count: number, minutes: number): { start: string; end: string }[] {
  return Array.from({ length: count }, (_, index) => {
    const from = Date.parse(start) + index * minutes * 60_000;
    return { start: new Date(from).toISOString(), end: new Date(from + minutes * 60_000).toISOString() };
  });
}

describe('renderAvailability', () => {
  it('splits a fall-back day by UTC offset, so the repeated hour is never ambiguous', () => {
    const { text } = renderAvailability({
      free: steps('2026-11-01T04:30:00Z', 6, 30),
      timeZone: 'America/New_York',
      eventTypeId: 7,
      start: '2026-11-01T04:00:00Z',
      end: '2026-11-01T08:00:00Z',
      limit: 100,
    });
    expect(text).toBe(
      [
        "6 free starts for event_type_id 7, 30 min each. Local times in America/New_York, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-01T00:30:00-04:00 = 2026-11-01T04:30:00Z.",
        'Sun 2026-11-01 (UTC-04:00): 00:30 01:00 01:30',
        'Sun 2026-11-01 (UTC-05:00): 01:00 01:30 02:00',
      ].join('\n'),
    );
  });

  it('shows periods with their ends, the end date and offset when they differ from the start', () => {
    const { text } = renderAvailability({
      free: [
        { start: '2026-03-29T00:30:00Z', end: '2026-03-29T02:00:00Z' },
        { start: '2026-03-29T21:00:00Z', end: '2026-03-30T01:00:00Z' },
      ],
      timeZone: 'Europe/Berlin',
      start: '2026-03-29T00:00:00Z',
      end: '2026-03-30T02:00:00Z',
      limit: 100,
    });
    expect(text).toBe(
      [
        "2 free periods (working hours minus bookings). Local times in Europe/Berlin, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-03-29T01:30:00+01:00 = 2026-03-29T00:30:00Z.",
        'Sun 2026-03-29 (UTC+01:00): 01:30–04:00 (UTC+02:00)',
        'Sun 2026-03-29 (UTC+02:00): 23:00–2026-03-30 03:00',
      ].join('\n'),
    );
  });

  it('shows start–end for event type starts of different lengths', () => {
    const { text } = renderAvailability({
      free: [
        { start: '2026-11-26T08:00:00Z', end: '2026-11-26T08:30:00Z' },
        { start: '2026-11-26T09:00:00Z', end: '2026-11-26T10:00:00Z' },
      ],
      timeZone: 'UTC',
      eventTypeId: 3,
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-27T00:00:00Z',
      limit: 100,
    });
    expect(text.split('\n').slice(1)).toEqual(['Thu 2026-11-26 (UTC+00:00): 08:00–08:30, 09:00–10:00']);
    expect(text).toMatch(/^2 free starts for event_type_id 3\. Local times in UTC/);
  });

  it('lists at most limit times, counts the rest per day and says how to list them, text and structured alike', () => {
    const { text, structured } = renderAvailability({
      free: [...steps('2026-11-26T08:00:00Z', 3, 60), ...steps('2026-11-27T08:00:00Z', 3, 60)],
      timeZone: 'Asia/Kolkata',
      eventTypeId: 9,
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-28T00:00:00Z',
      limit: 2,
    });
    expect(text).toBe(
      [
        "6 free starts for event_type_id 9, 60 min each. Local times in Asia/Kolkata, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-26T13:30:00+05:30 = 2026-11-26T08:00:00Z. Listing the first 2.",
        'Thu 2026-11-26 (UTC+05:30): 13:30 14:30',
        'Not listed: 4 more free starts, by day (first–last start):',
        'Thu 2026-11-26 (UTC+05:30): 1 free start, 15:30–15:30',
        'Fri 2026-11-27 (UTC+05:30): 3 free starts, 13:30–15:30',
        'To list them, call list_availability again with start_date 2026-11-26T10:00:00Z (the next one), or narrow the range.',
      ].join('\n'),
    );
    expect(structured).toEqual({
      timeZone: 'Asia/Kolkata',
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-28T00:00:00Z',
      eventTypeId: 9,
      total: 6,
      slots: [
        { start: '2026-11-26T08:00:00Z', end: '2026-11-26T09:00:00Z' },
        { start: '2026-11-26T09:00:00Z', end: '2026-11-26T10:00:00Z' },
      ],
      notListed: {
        count: 4,
        nextStartDate: '2026-11-26T10:00:00Z',
        days: [
          {
            date: '2026-11-26',
            utcOffset: '+05:30',
            count: 1,
            first: '2026-11-26T10:00:00Z',
            last: '2026-11-26T10:00:00Z',
          },
          {
            date: '2026-11-27',
            utcOffset: '+05:30',
            count: 3,
            first: '2026-11-27T08:00:00Z',
            last: '2026-11-27T10:00:00Z',
          },
        ],
      },
    });
  });

  it('shows seconds when a time has them, and says when nothing is free', () => {
    const { text } = renderAvailability({
      free: [{ start: '2026-11-26T08:00:30Z', end: '2026-11-26T08:30:30Z' }],
      timeZone: 'UTC',
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-27T00:00:00Z',
      limit: 10,
    });
    expect(text).toContain('e.g. 2026-11-26T08:00:30+00:00 = 2026-11-26T08:00:30Z.');
    expect(text).toContain('(UTC+00:00): 08:00:30–08:30:30');
    const empty = renderAvailability({
      ...{ free: [], timeZone: 'UTC', limit: 10 },
      start: '2026-11-26',
      end: '2026-11-27',
    });
    expect(empty).toEqual({
      text: 'No free times between 2026-11-26T00:00:00Z and 2026-11-27T00:00:00Z. Try a later or longer range.',
      structured: {
        timeZone: 'UTC',
        start: '2026-11-26T00:00:00Z',
        end: '2026-11-27T00:00:00Z',
        total: 0,
        slots: [],
        notListed: null,
      },
    });
  });
});
