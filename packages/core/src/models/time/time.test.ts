import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, toUtcIso, UtcTimestampSchema } from './time';

describe('isValidTimeZone', () => {
  it.each(['Europe/Rome', 'America/Argentina/Buenos_Aires', 'UTC', 'america/new_york', 'US/Eastern'])(
    'accepts %s',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );

  it.each(['Mars/Olympus', '+01:00', 'Europe Rome', '', 'CEST', 'CET', 'Etc/GMT+1'])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('toUtcIso', () => {
  it('converts offsets and dates to UTC', () => {
    expect(toUtcIso('2026-03-29T09:00:00+02:00')).toBe('2026-03-29T07:00:00.000Z');
    expect(toUtcIso('2026-03-29T09:00Z')).toBe('2026-03-29T09:00:00.000Z');
    expect(toUtcIso(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses times without an offset and invalid values', () => {
    expect(toUtcIso('2026-03-29T09:00:00')).toBeUndefined();
    expect(toUtcIso('2026-13-45T09:00:00Z')).toBeUndefined();
    expect(toUtcIso(new Date(Number.NaN))).toBeUndefined();
  });

  it('parses API timestamps into UTC and names bad ones', () => {
    expect(v.parse(UtcTimestampSchema, '2050-09-05T09:00:00.000+02:00')).toBe('2050-09-05T07:00:00.000Z');
    expect(v.safeParse(UtcTimestampSchema, 'soon').issues?.[0]?.message).toBe(
      'Expected an ISO 8601 timestamp with an offset or Z.',
    );
  });
});
