import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DateOrDateTimeSchema, DateTimeSchema, isRealInstant, toRangeBound } from './date-time';
import { BookingUidSchema, numericIdSchema } from './ids';
import { LimitSchema, SkipSchema } from './limits';
import { describeEmailFlag } from './notification';
import { checkRange } from './range';
import { EmailSchema, emailAddressProblem, textSchema } from './text';
import { isIanaTimeZone, TimeZoneSchema } from './time-zone';

function firstMessage(schema: v.GenericSchema, value: unknown): string | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? undefined : result.issues[0].message;
}

describe('DateTimeSchema', () => {
  it.each([
    '2026-11-26T09:00:00Z',
    '2026-11-26T09:00Z',
    '2026-11-26T09:00:00.123Z',
    '2026-11-26T10:00:00+01:00',
    '2026-11-26T04:00:00-05:00',
  ])('accepts %s', (value) => {
    expect(v.is(DateTimeSchema, value)).toBe(true);
  });

  it.each([
    ['2026-11-26T09:00:00', 'must be an ISO 8601 date-time with an explicit offset or Z'],
    ['2026-11-26', 'must be an ISO 8601 date-time with an explicit offset or Z'],
    ['tomorrow 9am', 'must be an ISO 8601 date-time with an explicit offset or Z'],
    ['2026-02-30T09:00:00Z', 'is not a real date-time'],
    ['2026-11-26T25:00:00Z', 'is not a real date-time'],
  ])('refuses %s', (value, message) => {
    expect(firstMessage(DateTimeSchema, value)).toContain(message);
  });

  it('refuses non-strings with the expected format', () => {
    expect(firstMessage(DateTimeSchema, 1_700_000_000)).toBe(
      'must be a string: an ISO 8601 date-time such as 2026-11-26T09:00:00Z',
    );
  });
});

describe('DateOrDateTimeSchema', () => {
  it('accepts dates and date-times', () => {
    expect(v.is(DateOrDateTimeSchema, '2026-11-26')).toBe(true);
    expect(v.is(DateOrDateTimeSchema, '2026-11-26T09:00:00Z')).toBe(true);
  });

  it('refuses impossible dates and local date-times', () => {
    expect(firstMessage(DateOrDateTimeSchema, '2026-13-01')).toContain('is not a real date');
    expect(firstMessage(DateOrDateTimeSchema, '2026-11-26T09:00')).toContain('must be an ISO 8601 date');
  });
});

describe('isRealInstant', () => {
  it('keeps the calendar day of an offset date-time', () => {
    expect(isRealInstant('2026-11-26T00:30:00+01:00')).toBe(true);
    expect(isRealInstant('2026-04-31T10:00:00-05:00')).toBe(false);
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

describe('TimeZoneSchema', () => {
  it.each([
    ['Europe/Rome', 'Europe/Rome'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('accepts %s as %s', (zone, canonical) => {
    expect(isIanaTimeZone(zone)).toBe(true);
    expect(v.parse(TimeZoneSchema, zone)).toBe(canonical);
  });

  it.each([
    [
      'CET',
      '"CET" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply). Pass the zone of the place, e.g. Europe/Berlin, Europe/Paris or Europe/Rome.',
    ],
    [
      '+01:00',
      '"+01:00" is a fixed UTC offset, not the time zone of a place, so it ignores daylight saving time. Pass the IANA zone of the place, a name like Europe/Rome, America/New_York or UTC.',
    ],
    [
      'Etc/GMT+5',
      '"Etc/GMT+5" is a fixed UTC offset (IANA inverts the sign: it means UTC-5), not the time zone of a place, so it ignores daylight saving time. Pass the IANA zone of the place, a name like Europe/Rome, America/New_York or UTC.',
    ],
    ['America/NewYork', '"America/NewYork" is not an IANA time zone. Did you mean America/New_York?'],
    [
      'Europe/Atlantis',
      '"Europe/Atlantis" is not an IANA time zone. Pass a name like Europe/Rome, America/New_York or UTC.',
    ],
    ['', 'is empty. Pass a name like Europe/Rome, America/New_York or UTC.'],
  ])('refuses %j, saying why and how to fix it', (zone, message) => {
    expect(isIanaTimeZone(zone)).toBe(false);
    expect(firstMessage(TimeZoneSchema, zone)).toBe(message);
  });
});

describe('ids', () => {
  const schema = numericIdSchema('list_event_types');

  it('accepts positive integers', () => {
    expect(v.parse(schema, 42)).toBe(42);
  });

  it.each([
    ['42', 'must be a number (not a string): the numeric id from list_event_types'],
    [4.2, 'must be a whole number: the numeric id from list_event_types'],
    [0, 'must be a positive id from list_event_types'],
    [2 ** 31, 'is too large for a Cal.com id; use the id from list_event_types'],
  ])('refuses %s', (value, message) => {
    expect(firstMessage(schema, value)).toBe(message);
  });

  it('accepts booking uids and refuses anything else', () => {
    expect(v.is(BookingUidSchema, 'bk_8Jd2-x')).toBe(true);
    expect(firstMessage(BookingUidSchema, 'uid with spaces')).toContain('must be a booking uid');
    expect(firstMessage(BookingUidSchema, 12)).toContain('must be a string');
  });
});

describe('limits', () => {
  it('defaults limit to 10 and skip to 0', () => {
    expect(v.parse(LimitSchema, undefined)).toBe(10);
    expect(v.parse(SkipSchema, undefined)).toBe(0);
  });

  it('refuses limits outside 1..100 and negative skips', () => {
    expect(firstMessage(LimitSchema, 101)).toBe('must be at most 100; page with skip to see more');
    expect(firstMessage(LimitSchema, 0)).toBe('must be at least 1');
    expect(firstMessage(SkipSchema, -1)).toBe('must be 0 or more');
  });
});

describe('text', () => {
  it('validates text lengths', () => {
    expect(firstMessage(textSchema(3, 'the reason'), 'long')).toBe('must be at most 3 characters; shorten the reason');
    expect(firstMessage(textSchema(3, 'the reason'), '')).toBe('must not be empty; leave it out instead');
  });

  it.each([' ', '\n\t', '\u00A0\u3000'])(
    'refuses blank text %j, which the client would refuse under its own name',
    (blank) => {
      expect(v.safeParse(textSchema(10, 'the reason'), blank).issues?.map((issue) => issue.message)).toEqual([
        'must not be blank (only spaces); leave it out instead',
      ]);
      expect(v.parse(textSchema(20, 'the reason'), ' Plans changed ')).toBe(' Plans changed ');
    },
  );
});

describe('EmailSchema', () => {
  const expected = 'must be a valid email address such as jane@example.com';

  it.each([
    'jane@example.com',
    "o'brien@example.com",
    'josé@example.com',
    'user@bücher.de',
    '用户@例子.广告',
    'Dörte.Müller+cal@bücher.example.de',
    'x@xn--bcher-kva.de',
    "!#$%&'*+-/=?^_`{|}~@example.com",
    'пользователь@пример.рф',
    'अजय@डाटा.भारत',
    '😀@example.com',
    'a@b.co',
    `${'l'.repeat(64)}@example.com`,
    `jane@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(57)}`,
  ])('accepts %s', (address) => {
    expect(emailAddressProblem(address)).toBeUndefined();
    expect(v.parse(EmailSchema, address)).toBe(address);
  });

  it.each([
    ['grace', expected],
    ['', expected],
    ['jane@', `${expected}: the domain after the @ is missing`],
    ['@example.com', `${expected}: the part before the @ is missing`],
    ['jane@@example.com', `${expected}: it has more than one @; pass a single address`],
    ['jane@doe@example.com', `${expected}: it has more than one @; pass a single address`],
    ['"jane@doe"@example.com', `${expected}: it has more than one @; pass a single address`],
    [
      'jane doe@example.com',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      'Jane <jane@example.com>',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      ' jane@example.com',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      'jane@example.com\n',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      'jane\u0000@example.com',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      'jane\u202E@example.com',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      'jane\uD800@example.com',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    [
      'jane@exam\u00A0ple.com',
      `${expected}: it contains a space, line break or control character; pass the bare address (no name, no <>)`,
    ],
    ['jane@localhost', `${expected}: the domain after the @ needs a dot, as in example.com`],
    [`${'l'.repeat(65)}@example.com`, `${expected}: the part before the @ is longer than 64 characters`],
    ...[
      '.jane@example.com',
      'jane.@example.com',
      'ja..ne@example.com',
      '<jane@example.com',
      'jane,doe@example.com',
    ].map((address) => [
      address,
      `${expected}: the part before the @ has a character an address cannot have there ((),:;<>[]\\" or a leading, trailing or double dot)`,
    ]),
    ...[
      'jane@example..com',
      'jane@.example.com',
      'jane@example.com.',
      'jane@-example.com',
      'jane@example-.com',
      'jane@exa_mple.com',
      'jane@exam/ple.com',
      'jane@[192.168.0.1]',
      'jane@192.168.0.1',
      `jane@${'d'.repeat(64)}.com`,
    ].map((address) => [
      address,
      `${expected}: the domain after the @ is not a domain name (parts of letters, digits and inner hyphens between single dots, e.g. example.com or bücher.de)`,
    ]),
  ])('refuses %j', (address, message) => {
    expect(emailAddressProblem(address)).toBe(message);
    expect(v.safeParse(EmailSchema, address).issues?.map((issue) => issue.message)).toEqual([message]);
  });

  it('refuses addresses longer than 254 characters with one message, and non-strings', () => {
    const long = `jane@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(63)}.com`;
    expect(long.length).toBe(255);
    expect(emailAddressProblem(long)).toBe('must be at most 254 characters');
    expect(v.safeParse(EmailSchema, long).issues?.map((issue) => issue.message)).toEqual([
      'must be at most 254 characters',
    ]);
    expect(firstMessage(EmailSchema, 42)).toBe('must be a string: an email address');
  });
});

describe('checkRange', () => {
  const fields = { start: 'start_time', end: 'end_time' };

  it('accepts an end after the start', () => {
    expect(checkRange('2026-11-26T09:00:00Z', '2026-11-26T10:00:00+01:00', fields)).toEqual([
      { field: 'end_time', message: 'must be after start_time (2026-11-26T09:00:00Z); swap them or fix the date' },
    ]);
    expect(checkRange('2026-11-26T09:00:00Z', '2026-11-26T09:30:00Z', fields)).toEqual([]);
  });

  it('refuses ranges longer than the limit', () => {
    expect(checkRange('2026-11-01T00:00:00Z', '2026-11-03T00:00:01Z', fields, 2)).toEqual([
      {
        field: 'end_time',
        message: 'must be at most 2 days after start_time; ask for a shorter range and page through it',
      },
    ]);
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
