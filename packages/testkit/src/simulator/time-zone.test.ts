import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatInZone,
  isValidTimeZone,
  localDate,
  offsetMinutes,
  parseClockTime,
  weekdayIndex,
  zonedToEpoch,
} from './time-zone';

describe('time-zone', () => {
  it('reads Berlin and New York offsets on both sides of DST', () => {
    expect(offsetMinutes(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(Date.parse('2026-10-25T00:59:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-03-08T06:59:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('converts wall-clock times to instants, moving a spring-forward gap time forward and an overlap time to its first instant', () => {
    expect(new Date(zonedToEpoch('2026-03-27', 9 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    expect(new Date(zonedToEpoch('2026-03-30', 9 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(new Date(zonedToEpoch('2026-03-29', 150, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(zonedToEpoch('2026-10-25', 24 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
    // A fall-back overlap time takes the earlier instant (Temporal's `compatible`), east and west of UTC.
    expect(new Date(zonedToEpoch('2026-10-25', 150, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(zonedToEpoch('2026-11-01', 90, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(zonedToEpoch('2026-11-02', 9 * 60, 'America/New_York')).toISOString()).toBe(
      '2026-11-02T14:00:00.000Z',
    );
  });

  it('formats instants with the zone offset and gives local dates', () => {
    expect(formatInZone(Date.parse('2050-09-05T07:00:00Z'), 'Europe/Berlin')).toBe('2050-09-05T09:00:00.000+02:00');
    expect(formatInZone(Date.parse('2026-01-05T14:30:00Z'), 'America/New_York')).toBe('2026-01-05T09:30:00.000-05:00');
    expect(formatInZone(Date.parse('2026-01-05T14:30:00.250Z'), 'UTC')).toBe('2026-01-05T14:30:00.250+00:00');
    expect(localDate(Date.parse('2026-01-05T23:30:00Z'), 'Europe/Berlin')).toBe('2026-01-06');
    expect(localDate(Date.parse('2026-01-05T03:30:00Z'), 'America/Los_Angeles')).toBe('2026-01-04');
  });

  it('handles calendar helpers and validation', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(weekdayIndex('2026-03-29')).toBe(6);
    expect(weekdayIndex('2026-03-30')).toBe(0);
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:30')).toBeUndefined();
    expect(parseClockTime('9:30')).toBeUndefined();
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
