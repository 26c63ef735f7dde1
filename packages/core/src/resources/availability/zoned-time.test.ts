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
