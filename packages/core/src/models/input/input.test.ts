import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  DateOrTimeInputSchema,
  describeValue,
  EmailInputSchema,
  emailAddressProblem,
  IdInputSchema,
  integerInputSchema,
  isRealInstant,
  LengthInMinutesInputSchema,
  LocaleInputSchema,
  MAX_EMAIL_LENGTH,
  MAX_ID,
  MAX_NOTE_LENGTH,
  MAX_UID_LENGTH,
  MetadataInputSchema,
  PageSizeInputSchema,
  PhoneNumberInputSchema,
  rangeProblem,
  SkipInputSchema,
  TimeInputSchema,
  TimeZoneInputSchema,
  textInputSchema,
  UidInputSchema,
  UsernameInputSchema,
} from './index';

// The one set of input rules, shared by the client's checks and the agent tools' schemas. The case tables moved here
// from packages/tools/src/schemas/schemas.test.ts when the rules moved to core; no case was dropped.

function messages(schema: v.GenericSchema, value: unknown): string[] | undefined {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  return result.success ? undefined : result.issues.map((issue) => issue.message);
}

const TIME_FIX =
  'Use a time like "2026-11-26T09:00:00Z" or "2026-11-26T10:00:00+01:00" (convert a local time to UTC and add the Z).';
const DATE_OR_TIME_FIX = 'Use a date like "2026-11-26" (a whole UTC day) or a time like "2026-11-26T09:00:00Z".';

describe('describeValue', () => {
  it('quotes strings, escapes control characters and cuts long values', () => {
    expect(describeValue('grace')).toBe('"grace"');
    expect(describeValue('a\u0000b\n')).toBe('"a\\u0000b\\n"');
    expect(describeValue(42)).toBe('42');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(56)}...`);
    expect(describeValue(undefined)).toBe('undefined');
  });

  it('shows lists as JSON (as String gives them when they cannot be serialised), never the content of an object', () => {
    expect(describeValue([])).toBe('[]');
    expect(describeValue(['a', 1, null])).toBe('["a",1,null]');
    expect(describeValue([1n])).toBe('1');
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(describeValue(cyclic)).toBe('');
    expect(describeValue([() => 1])).toBe('[null]');
    expect(describeValue({ apiKey: 'cal_live_secret' })).toBe('an object');
    expect(describeValue(new URL('https://cal.com/'))).toBe('https://cal.com/');
  });

  it('never throws, also for objects that cannot be turned into a string', () => {
    expect(describeValue(Object.create(null))).toBe('an object');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(describeValue(hostile)).toBe('an object');
    expect(
      describeValue(
        new (class Hostile {
          toString(): string {
            throw new Error('no');
          }
        })(),
      ),
    ).toBe('[object Object]');
    expect(messages(IdInputSchema, Object.create(null))).toEqual([
      'expected a positive whole number (a Cal.com id), got an object. Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).',
    ]);
  });
});

describe('TimeInputSchema', () => {
  it.each([
    '2026-11-26T09:00:00Z',
    '2026-11-26T09:00Z',
    '2026-11-26T09:00:00.123Z',
    '2026-11-26T10:00:00+01:00',
    '2026-11-26T04:00:00-05:00',
  ])('accepts %s, kept as given', (value) => {
    expect(v.parse(TimeInputSchema, value)).toBe(value);
  });

  it.each([
    ['2026-11-26T09:00:00', `"2026-11-26T09:00:00" is not an ISO 8601 time with an offset. ${TIME_FIX}`],
    ['2026-11-26', `"2026-11-26" is not an ISO 8601 time with an offset. ${TIME_FIX}`],
    ['tomorrow 9am', `"tomorrow 9am" is not an ISO 8601 time with an offset. ${TIME_FIX}`],
    ['2026-02-30T09:00:00Z', '"2026-02-30T09:00:00Z" is not a real time. Check the day of the month and the hour.'],
    ['2026-11-26T25:00:00Z', '"2026-11-26T25:00:00Z" is not a real time. Check the day of the month and the hour.'],
    [1_700_000_000, `expected an ISO 8601 time with an offset (a string), got 1700000000. ${TIME_FIX}`],
  ])('refuses %j saying why and how to fix it', (value, message) => {
    expect(messages(TimeInputSchema, value)).toEqual([message]);
  });
});

describe('DateOrTimeInputSchema', () => {
  it('accepts dates and times', () => {
    expect(v.parse(DateOrTimeInputSchema, '2026-11-26')).toBe('2026-11-26');
    expect(v.parse(DateOrTimeInputSchema, '2026-11-26T09:00:00Z')).toBe('2026-11-26T09:00:00Z');
  });

  it.each([
    ['2026-13-01', '"2026-13-01" is not a real date. Check the day of the month and the hour.'],
    ['2026-11-26T09:00', `"2026-11-26T09:00" is not an ISO 8601 date or time with an offset. ${DATE_OR_TIME_FIX}`],
    ['next monday', `"next monday" is not an ISO 8601 date or time with an offset. ${DATE_OR_TIME_FIX}`],
    [null, `expected an ISO 8601 date or time (a string), got null. ${DATE_OR_TIME_FIX}`],
  ])('refuses %j', (value, message) => {
    expect(messages(DateOrTimeInputSchema, value)).toEqual([message]);
  });
});

describe('isRealInstant', () => {
  it('keeps the calendar day of an offset time', () => {
    expect(isRealInstant('2026-11-26T00:30:00+01:00')).toBe(true);
    expect(isRealInstant('2026-04-31T10:00:00-05:00')).toBe(false);
    expect(isRealInstant('2026-11-26')).toBe(true);
  });
});

describe('rangeProblem', () => {
  it('accepts an end after the start, within the limit', () => {
    expect(rangeProblem('2026-11-26T09:00:00Z', '2026-11-26T09:30:00Z')).toBeUndefined();
    expect(rangeProblem('2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z', 2)).toBeUndefined();
  });

  it('refuses an end not after the start, comparing instants across offsets', () => {
    expect(rangeProblem('2026-11-26T09:00:00Z', '2026-11-26T10:00:00+01:00')).toBe(
      '2026-11-26T10:00:00+01:00 is not after the start 2026-11-26T09:00:00Z. Pass an end later than the start (swap them or fix the date).',
    );
  });

  it('refuses ranges longer than the limit, saying "one day" for one', () => {
    expect(rangeProblem('2026-11-01T00:00:00Z', '2026-11-03T00:00:01Z', 2)).toBe(
      '2026-11-01T00:00:00Z to 2026-11-03T00:00:01Z is longer than 2 days. Ask for a shorter range and page through it.',
    );
    expect(rangeProblem('2026-11-01T00:00:00Z', '2026-11-02T00:00:01Z', 1)).toBe(
      '2026-11-01T00:00:00Z to 2026-11-02T00:00:01Z is longer than one day. Ask for a shorter range and page through it.',
    );
  });

  it('quotes the values as the caller wrote them when given', () => {
    const shown = { start: '2026-11-27', end: '2026-11-26' };
    expect(rangeProblem('2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z', undefined, shown)).toBe(
      '2026-11-26 is not after the start 2026-11-27. Pass an end later than the start (swap them or fix the date).',
    );
    expect(
      rangeProblem('2026-11-01T00:00:00Z', '2027-02-02T00:00:00Z', 62, { start: '2026-11-01', end: '2027-02-01' }),
    ).toBe('2026-11-01 to 2027-02-01 is longer than 62 days. Ask for a shorter range and page through it.');
  });
});

describe('TimeZoneInputSchema', () => {
  it.each([
    ['Europe/Rome', 'Europe/Rome'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('accepts %s as %s', (zone, canonical) => {
    expect(v.parse(TimeZoneInputSchema, zone)).toBe(canonical);
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
    [7, 'expected an IANA time zone (a string), got 7. Pass a name like Europe/Rome, America/New_York or UTC.'],
  ])('refuses %j, saying why and how to fix it', (zone, message) => {
    expect(messages(TimeZoneInputSchema, zone)).toEqual([message]);
  });
});

describe('IdInputSchema', () => {
  const ID_FIX = 'Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).';

  it('accepts positive whole numbers up to MAX_ID', () => {
    expect(v.parse(IdInputSchema, 42)).toBe(42);
    expect(v.parse(IdInputSchema, 2 ** 31)).toBe(2 ** 31);
    expect(v.parse(IdInputSchema, MAX_ID)).toBe(MAX_ID);
  });

  it.each([
    ['42', '"42"'],
    [4.2, '4.2'],
    [0, '0'],
    [-0, '0'],
    [-3, '-3'],
    [MAX_ID + 1, '9007199254740992'],
    [Number.NaN, 'NaN'],
    [1e308, '1e+308'],
  ])('refuses %j', (value, shown) => {
    expect(messages(IdInputSchema, value)).toEqual([
      `expected a positive whole number (a Cal.com id), got ${shown}. ${ID_FIX}`,
    ]);
  });
});

describe('UidInputSchema and UsernameInputSchema', () => {
  const UID_FIX =
    'Pass the uid exactly as Cal.com returned it (list the resources first to get one); never invent one.';

  it('accepts uids and usernames', () => {
    expect(v.parse(UidInputSchema, 'bk_8Jd2-x')).toBe('bk_8Jd2-x');
    expect(v.parse(UidInputSchema, 'u'.repeat(MAX_UID_LENGTH))).toBe('u'.repeat(MAX_UID_LENGTH));
    expect(v.parse(UsernameInputSchema, 'ada.lovelace')).toBe('ada.lovelace');
  });

  it.each([
    [
      'uid with spaces',
      `"uid with spaces" is not a Cal.com uid: only letters, digits, "-" and "_" are allowed. ${UID_FIX}`,
    ],
    ['../x', `"../x" is not a Cal.com uid: only letters, digits, "-" and "_" are allowed. ${UID_FIX}`],
    ['', `is empty. ${UID_FIX}`],
    ['u'.repeat(MAX_UID_LENGTH + 1), `is 256 characters long, more than any Cal.com uid (255). ${UID_FIX}`],
    [12, `expected a uid (a string), got 12. ${UID_FIX}`],
  ])('refuses the uid %j', (value, message) => {
    expect(messages(UidInputSchema, value)).toEqual([message]);
  });

  it.each([
    ['ada/lovelace', '"ada/lovelace" is not a Cal.com username.'],
    ['u'.repeat(MAX_UID_LENGTH + 1), `"${'u'.repeat(56)}... is not a Cal.com username.`],
    [5, 'expected a Cal.com username (a string), got 5.'],
  ])('refuses the username %j', (value, problem) => {
    expect(messages(UsernameInputSchema, value)).toEqual([
      `${problem} Pass a username as Cal.com shows it: letters, digits, ".", "_" and "-".`,
    ]);
  });
});

describe('whole numbers', () => {
  it('refuses values outside the range, naming it', () => {
    expect(messages(PageSizeInputSchema, 101)).toEqual([
      'expected a whole number from 1 to 100, got 101. Use at most 100 and page with skip to see more.',
    ]);
    expect(messages(PageSizeInputSchema, 0)).toEqual([
      'expected a whole number from 1 to 100, got 0. Use a value between 1 and 100.',
    ]);
    expect(messages(LengthInMinutesInputSchema, 1441)).toEqual([
      'expected a whole number from 1 to 1440, got 1441. Use a value between 1 and 1440.',
    ]);
  });

  it('tells a range without a real upper bound as "or more"', () => {
    expect(messages(SkipInputSchema, -1)).toEqual([
      'expected a whole number of 0 or more, got -1. Use 0 or a larger whole number.',
    ]);
    expect(messages(SkipInputSchema, 0.5)).toEqual([
      'expected a whole number of 0 or more, got 0.5. Use 0 or a larger whole number.',
    ]);
    expect(v.parse(SkipInputSchema, 10_000)).toBe(10_000);
  });

  it('shares one schema object per range', () => {
    expect(integerInputSchema(1, 1440)).toBe(LengthInMinutesInputSchema);
    expect(integerInputSchema(0, 10)).toBe(integerInputSchema(0, 10));
  });
});

describe('textInputSchema', () => {
  it('validates text lengths and keeps the value as given', () => {
    expect(messages(textInputSchema(3), 'long')).toEqual(['is 4 characters long. Shorten it to at most 3 characters.']);
    expect(v.parse(textInputSchema(20), ' Plans changed ')).toBe(' Plans changed ');
    expect(textInputSchema(MAX_NOTE_LENGTH)).toBe(textInputSchema(MAX_NOTE_LENGTH));
    expect(messages(textInputSchema(3), 3)).toEqual(['expected text (a string), got 3. Pass some text.']);
  });

  it.each(['', ' ', '\n\t', '\u00A0\u3000'])('refuses empty or blank text %j', (blank) => {
    expect(messages(textInputSchema(10), blank)).toEqual([
      'is empty or blank (only spaces). Pass some text, or leave the field out where it is optional.',
    ]);
  });
});

describe('LocaleInputSchema and PhoneNumberInputSchema', () => {
  it('accepts a Cal.com locale and an E.164 number', () => {
    expect(v.parse(LocaleInputSchema, 'en')).toBe('en');
    expect(v.parse(PhoneNumberInputSchema, '+393331234567')).toBe('+393331234567');
  });

  it('refuses others, saying what to use', () => {
    expect(messages(LocaleInputSchema, 'klingon')?.[0]).toMatch(
      /^"klingon" is not a locale Cal\.com supports\. Use one of .*\ben\b/,
    );
    expect(messages(PhoneNumberInputSchema, '3331234567')).toEqual([
      '"3331234567" is not an E.164 phone number. Use the international format, e.g. +393331234567.',
    ]);
  });
});

describe('EmailInputSchema', () => {
  const FIX = 'Pass a single bare address like jane@example.com (no name, no <>).';
  const refusal = (address: string, reason: string) =>
    `${describeValue(address)} is not an email address: ${reason}. ${FIX}`;
  const CONTROL = 'it contains a space, line break or control character';
  const LOCAL =
    'the part before the @ has a character an address cannot have there ((),:;<>[]\\" or a leading, trailing or double dot)';
  const DOMAIN =
    'the domain after the @ is not a domain name (parts of letters, digits and inner hyphens between single dots, e.g. example.com or bücher.de)';

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
    expect(v.parse(EmailInputSchema, address)).toBe(address);
  });

  it.each([
    ['grace', 'it has no @'],
    ['', 'it has no @'],
    ['jane@', 'the domain after the @ is missing'],
    ['@example.com', 'the part before the @ is missing'],
    ['jane@@example.com', 'it has more than one @'],
    ['jane@doe@example.com', 'it has more than one @'],
    ['"jane@doe"@example.com', 'it has more than one @'],
    ['jane doe@example.com', CONTROL],
    ['Jane <jane@example.com>', CONTROL],
    [' jane@example.com', CONTROL],
    ['jane@example.com\n', CONTROL],
    ['jane\u0000@example.com', CONTROL],
    ['jane\u202E@example.com', CONTROL],
    ['jane\uD800@example.com', CONTROL],
    ['jane@exam\u00A0ple.com', CONTROL],
    ['jane@localhost', 'the domain after the @ needs a dot, as in example.com'],
    [`${'l'.repeat(65)}@example.com`, 'the part before the @ is longer than 64 characters'],
    ...[
      '.jane@example.com',
      'jane.@example.com',
      'ja..ne@example.com',
      '<jane@example.com',
      'jane,doe@example.com',
    ].map((address) => [address, LOCAL]),
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
    ].map((address) => [address, DOMAIN]),
  ])('refuses %j', (address, reason) => {
    expect(emailAddressProblem(address)).toBe(refusal(address, reason));
    expect(messages(EmailInputSchema, address)).toEqual([refusal(address, reason)]);
  });

  it('refuses addresses longer than 254 characters with one message, and non-strings', () => {
    const long = `jane@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(63)}.com`;
    expect(long.length).toBe(MAX_EMAIL_LENGTH + 1);
    const message = refusal(long, 'it is longer than 254 characters');
    expect(message).toBe(
      `"jane@${'d'.repeat(51)}... is not an email address: it is longer than 254 characters. ${FIX}`,
    );
    expect(emailAddressProblem(long)).toBe(message);
    expect(v.safeParse(EmailInputSchema, long).issues?.map((issue) => issue.message)).toEqual([message]);
    expect(messages(EmailInputSchema, 42)).toEqual([`expected an email address (a string), got 42. ${FIX}`]);
  });
});

describe('MetadataInputSchema', () => {
  const VALUE = 'is not a string of at most 500 characters, a number or a boolean. Shorten or convert the value.';

  it('accepts up to 50 keys of up to 40 characters with text of up to 500 characters, numbers and booleans', () => {
    const metadata = {
      ...Object.fromEntries([...Array(47).keys()].map((key) => [`k${key}`, 'v'])),
      ['k'.repeat(40)]: 'v'.repeat(500),
      count: 2,
      urgent: false,
    };
    expect(v.parse(MetadataInputSchema, metadata)).toStrictEqual(metadata);
  });

  it.each([
    ['crm', ['expected an object, got "crm". Pass an object of keys and values.']],
    [Object.fromEntries([...Array(51).keys()].map((key) => [`k${key}`, 1])), ['has 51 keys. Keep at most 50 keys.']],
    [{ ['k'.repeat(41)]: 'v' }, ['the key is 41 characters long. Use keys of at most 40 characters.']],
    [{ note: 'v'.repeat(501) }, [`${describeValue('v'.repeat(501))} ${VALUE}`]],
    [{ nested: {} }, [`${describeValue({})} ${VALUE}`]],
    [{ none: null }, [`${describeValue(null)} ${VALUE}`]],
  ])('refuses %j naming the problem and the fix', (value, expected) => {
    expect(messages(MetadataInputSchema, value)).toEqual(expected);
  });

  it('names the refused key in the issue path', () => {
    const result = v.safeParse(MetadataInputSchema, { ok: 1, ['k'.repeat(41)]: 'v' }, { abortPipeEarly: true });
    expect(result.success ? [] : result.issues.map((issue) => v.getDotPath(issue))).toEqual(['k'.repeat(41)]);
  });
});
