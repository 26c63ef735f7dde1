import { describe, expect, it } from 'vitest';
import type { ScheduleAvailability } from '../dto/schedule';
import { computeSlotStarts, type SlotMathInput } from './slot-math';

const EVERY_DAY: ScheduleAvailability[] = [
  {
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    startTime: '09:00',
    endTime: '11:00',
  },
];

function slots(overrides: Partial<SlotMathInput>): string[] {
  return computeSlotStarts({
    timeZone: 'Europe/Berlin',
    availability: EVERY_DAY,
    overrides: [],
    rangeStart: Date.parse('2026-03-27T00:00:00Z'),
    rangeEnd: Date.parse('2026-03-27T23:59:59Z'),
    lengthInMinutes: 60,
    busy: [],
    now: Date.parse('2026-01-01T00:00:00Z'),
    ...overrides,
  }).map((start) => new Date(start).toISOString());
}

describe('computeSlotStarts', () => {
  it('steps through the window by the event length', () => {
    expect(slots({})).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-27T09:00:00.000Z']);
  });

  it('uses the slot interval when set', () => {
    expect(slots({ slotInterval: 30 })).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-27T08:30:00.000Z',
      '2026-03-27T09:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local across the Berlin spring-forward Sunday (last Sunday of March)', () => {
    const result = slots({
      rangeStart: Date.parse('2026-03-28T00:00:00Z'),
      rangeEnd: Date.parse('2026-03-30T23:59:59Z'),
    });
    expect(result).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local across the Berlin fall-back Sunday (last Sunday of October)', () => {
    const result = slots({
      rangeStart: Date.parse('2026-10-24T00:00:00Z'),
      rangeEnd: Date.parse('2026-10-25T23:59:59Z'),
      lengthInMinutes: 120,
    });
    expect(result).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
  });

  it('handles a window spanning the New York DST switch at 02:00', () => {
    const result = slots({
      timeZone: 'America/New_York',
      availability: [{ days: ['Sunday'], startTime: '01:00', endTime: '04:00' }],
      rangeStart: Date.parse('2026-03-08T00:00:00Z'),
      rangeEnd: Date.parse('2026-03-08T23:59:59Z'),
    });
    // 01:00 EST = 06:00Z; the local day loses 02:00–03:00, so 01:00–04:00 is two real hours.
    expect(result).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
  });

  it("removes slots overlapping busy time including both sides' buffers", () => {
    const start = Date.parse('2026-03-27T08:30:00Z');
    const end = Date.parse('2026-03-27T08:45:00Z');
    const base = { slotInterval: 15, lengthInMinutes: 30 };
    expect(slots({ ...base, busy: [{ start, end }] })).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-27T08:45:00.000Z',
      '2026-03-27T09:00:00.000Z',
      '2026-03-27T09:15:00.000Z',
      '2026-03-27T09:30:00.000Z',
    ]);
    expect(slots({ ...base, busy: [{ start, end }], beforeEventBuffer: 15, afterEventBuffer: 15 })).toEqual([
      '2026-03-27T09:00:00.000Z',
      '2026-03-27T09:15:00.000Z',
      '2026-03-27T09:30:00.000Z',
    ]);
    expect(slots({ ...base, busy: [{ start, end, afterBuffer: 30 }] })).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-27T09:15:00.000Z',
      '2026-03-27T09:30:00.000Z',
    ]);
  });

  it('drops slots within the minimum notice and outside the range', () => {
    expect(slots({ now: Date.parse('2026-03-27T07:30:00Z'), minimumBookingNotice: 60 })).toEqual([
      '2026-03-27T09:00:00.000Z',
    ]);
    expect(slots({ rangeStart: Date.parse('2026-03-27T08:30:00Z') })).toEqual(['2026-03-27T09:00:00.000Z']);
  });

  it('replaces the weekly windows with the date overrides, and an empty override blocks the day', () => {
    expect(slots({ overrides: [{ date: '2026-03-27', startTime: '14:00', endTime: '15:00' }] })).toEqual([
      '2026-03-27T13:00:00.000Z',
    ]);
    expect(slots({ overrides: [{ date: '2026-03-27', startTime: '00:00', endTime: '00:00' }] })).toEqual([]);
  });
});
