import { describe, expect, it } from 'vitest';
import { addMinutes, tomorrowIn } from './time';

describe('tomorrowIn', () => {
  it('gives local midnight to midnight in UTC, just after local midnight east of UTC', () => {
    expect(tomorrowIn('Europe/Berlin', new Date('2026-11-25T23:30:00Z'))).toEqual({
      start: '2026-11-26T23:00:00.000Z',
      end: '2026-11-27T23:00:00.000Z',
      date: '2026-11-27',
    });
  });

  it('gives a 23-hour day when the clocks go forward (Europe/Berlin, 29 March 2026)', () => {
    expect(tomorrowIn('Europe/Berlin', new Date('2026-03-28T12:00:00Z'))).toEqual({
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
      date: '2026-03-29',
    });
  });

  it('gives a 25-hour day when the clocks go back (America/New_York, 1 November 2026)', () => {
    expect(tomorrowIn('America/New_York', new Date('2026-10-31T15:00:00Z'))).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      date: '2026-11-01',
    });
  });

  it('uses the local date, not the UTC date, west of UTC late in the evening', () => {
    expect(tomorrowIn('America/Los_Angeles', new Date('2026-11-26T05:00:00Z')).date).toBe('2026-11-26');
  });
});

describe('addMinutes', () => {
  it('adds minutes and answers in UTC', () => {
    expect(addMinutes('2026-11-26T09:00:00+01:00', 60)).toBe('2026-11-26T09:00:00.000Z');
  });
});
