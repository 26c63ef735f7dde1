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

  it.each([
    ['2050-09-05T07:00:00.000Z', '2050-09-05T07:00:00.000Z'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
    ['2000-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z'],
    ['0000-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z'],
    // Forms a Date reads differently from how it writes them: the answer is the Date's, whichever way it is reached.
    ['2026-02-29T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['2100-02-29T00:00:00.000Z', '2100-03-01T00:00:00.000Z'],
    ['2026-04-31T10:00:00.000Z', '2026-05-01T10:00:00.000Z'],
    ['2026-01-01T24:00:00.000Z', '2026-01-02T00:00:00.000Z'],
    ['2026-01-01t10:00:00.000z', '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T10:00:00.000+00:00', '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000Z'],
  ])('converts %s like Date does: %s', (value, utc) => {
    expect(toUtcIso(value)).toBe(utc);
    expect(toUtcIso(value)).toBe(new Date(value).toISOString());
  });

  it.each([
    '2026-01-01T23:59:60.000Z',
    '2026-13-01T10:00:00.000Z',
    '2026-00-01T10:00:00.000Z',
    '2026-01-00T10:00:00.000Z',
    '2026-01-32T10:00:00.000Z',
    '2026-01-01T25:00:00.000Z',
    '2026-01-01T10:60:00.000Z',
    '2026-01-01T10:00:00.00xZ',
    '2026-0a-01T10:00:00.000Z',
    '+2026-01-01T10:00:00.000',
    '2026-01-01 10:00:00.000Z',
  ])('refuses %s, as Date does or as the offset rule requires', (value) => {
    expect(toUtcIso(value)).toBeUndefined();
  });

  it('converts each timestamp once: the check and the conversion are one step', () => {
    expect(UtcTimestampSchema.pipe.map((item) => item.type)).toEqual(['string', 'raw_transform']);
  });

  it('parses API timestamps into UTC and names bad ones', () => {
    expect(v.parse(UtcTimestampSchema, '2050-09-05T09:00:00.000+02:00')).toBe('2050-09-05T07:00:00.000Z');
    expect(v.safeParse(UtcTimestampSchema, 'soon').issues?.[0]?.message).toBe(
      'Expected an ISO 8601 timestamp with an offset or Z.',
    );
    expect(v.safeParse(UtcTimestampSchema, '2026-01-01T23:59:60.000Z').issues?.[0]?.message).toBe(
      'Expected an ISO 8601 timestamp with an offset or Z.',
    );
    expect(v.safeParse(UtcTimestampSchema, 42).issues?.[0]?.message).toBe(
      'Invalid type: Expected string but received 42',
    );
    expect(v.parse(UtcTimestampSchema, '2026-01-01T24:00:00.000Z')).toBe('2026-01-02T00:00:00.000Z');
  });
});
