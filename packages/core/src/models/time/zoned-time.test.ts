import { describe, expect, it } from 'vitest';
import * as core from '../../index';
import { addDays, wallClockAt, zonedToEpoch } from './zoned-time';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

describe('zoned time', () => {
  it('converts local times to UTC on both sides of a DST change', () => {
    expect(iso(zonedToEpoch('2026-03-28', '09:00', 'Europe/Rome'))).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(zonedToEpoch('2026-03-30', '09:00', 'Europe/Rome'))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(zonedToEpoch('2026-11-02', '09:00', 'America/New_York'))).toBe('2026-11-02T14:00:00.000Z');
    expect(iso(zonedToEpoch('2026-10-31', '09:00', 'America/New_York'))).toBe('2026-10-31T13:00:00.000Z');
    expect(iso(zonedToEpoch('2026-05-04', '24:00', 'UTC'))).toBe('2026-05-05T00:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap and takes the earlier of a repeated time', () => {
    expect(iso(zonedToEpoch('2026-03-29', '02:30', 'Europe/Rome'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedToEpoch('2026-10-25', '02:30', 'Europe/Rome'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves a skipped time forward west of UTC too (New York 02:30 on 8 March 2026 is 03:30 EDT, not 01:30 EST)', () => {
    // Found by the Temporal oracle (packages/tools/src/format/time-zone-oracle.test.ts): the gap was read with the
    // offset after it, which moved 02:00-02:59 back by an hour.
    expect(iso(zonedToEpoch('2026-03-08', '02:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToEpoch('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedToEpoch('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(zonedToEpoch('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles half-hour and 45-minute offsets and changes (Lord Howe, Chatham)', () => {
    // Lord Howe springs forward 30 minutes at 02:00 on 4 October 2026: 02:15 is 02:45 (+11:00).
    expect(iso(zonedToEpoch('2026-10-04', '02:15', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z');
    // It falls back from 02:00 to 01:30 on 5 April 2026: 01:45 happens twice, the earlier is +11:00.
    expect(iso(zonedToEpoch('2026-04-05', '01:45', 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
    // Chatham springs forward from 02:45 to 03:45 (+12:45 → +13:45) on 27 September 2026: 03:00 is 04:00 +13:45.
    expect(iso(zonedToEpoch('2026-09-27', '03:00', 'Pacific/Chatham'))).toBe('2026-09-26T14:15:00.000Z');
    expect(iso(zonedToEpoch('2026-09-27', '02:30', 'Pacific/Chatham'))).toBe('2026-09-26T13:45:00.000Z');
  });

  it('answers NaN for a date that is not YYYY-MM-DD', () => {
    expect(zonedToEpoch('soon', '09:00', 'Europe/Rome')).toBeNaN();
  });

  it('reads wall clocks and adds days across month ends', () => {
    expect(wallClockAt(Date.parse('2026-03-29T22:30:00Z'), 'Europe/Rome')).toEqual({
      date: '2026-03-30',
      weekday: 'Monday',
      wallMs: Date.parse('2026-03-30T00:30:00Z'),
    });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('is exported from the package root, with the documented README examples', () => {
    expect(core.wallClockAt).toBe(wallClockAt);
    expect(core.zonedToEpoch).toBe(zonedToEpoch);
    expect(core.addDays).toBe(addDays);
    expect(core.wallClockAt(Date.parse('2026-11-25T23:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-11-26',
      weekday: 'Thursday',
      wallMs: Date.parse('2026-11-26T00:30:00Z'),
    });
    expect(iso(core.zonedToEpoch('2026-03-29', '00:00', 'Europe/Berlin'))).toBe('2026-03-28T23:00:00.000Z');
    expect(core.addDays('2026-03-28', -28)).toBe('2026-02-28');
  });
});
