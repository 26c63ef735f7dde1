import {
  MAX_AVAILABILITY_DAYS,
  MAX_BOOKINGS_PAGE_SIZE,
  MAX_ID,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_UID_LENGTH,
} from '@calcom-int/core/schemas';
import fc from 'fast-check';
import type { BoundCalComTool } from '../../src/create-cal-com-tools';
import { BOOKING_INPUT } from '../tool-inputs';

/** One mebibyte of text. */
const ONE_MB = 'x'.repeat(1024 * 1024);

/** Strings that break naive code: path and URL tricks, invisible and bidi characters, emoji, lone surrogates, 1 MB. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\u200F',
  '\u2066x\u2069',
  '\uFEFF',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '𝕏',
  '\uD800',
  '\uDFFF',
  'e\u0301',
  'İ',
  '..',
  '../',
  '../../etc/passwd',
  '..%2F..%2F',
  '%2F',
  '%2f',
  '%2e%2e%2f',
  '%00',
  '%',
  '?',
  '#',
  'a?b=c',
  'a#b',
  'a/b',
  'a\\b',
  ' 3002',
  '3002 ',
  '3002/../1',
  '3002?x=1',
  '3002#x',
  '1e308',
  'NaN',
  'Infinity',
  '-0',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'null',
  'undefined',
  '{}',
  '[]',
  "'; DROP TABLE bookings; --",
  '<script>alert(1)</script>',
  '\u0024{7*7}',
  '{{7*7}}',
  ONE_MB,
  `${ONE_MB}@example.com`,
  `a@${ONE_MB}.com`,
];

/** Numbers at the edges: huge, tiny, negative zero, not-a-number, infinities, just past the id range. */
export const NASTY_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.NaN,
  -0,
  0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  MAX_ID + 1,
  -1,
  0.5,
  3002.5,
  1e-7,
];

/** Values of the wrong shape: null, booleans, arrays where objects belong, objects with poisonous keys, odd objects. */
export const NASTY_STRUCTURES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  [3002],
  ['3002'],
  [[]],
  {},
  { id: 3002 },
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  Object.create(null),
  new Map([['polluted', 'yes']]),
  new Date(0),
  /polluted/,
];

/** Keys that no tool has: prototype names, near misses and nonsense (each test drops the tool's own names). */
const ODD_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'polluted',
  '',
  ' ',
  'id',
  'eventTypeId',
  'EVENT_TYPE_ID',
  'booking_id ',
  ' booking_id',
  'bookingId',
  'a'.repeat(10_000),
];

/** Anything at all, from every adversarial family plus fast-check's own generators. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(...NASTY_STRUCTURES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Anything that is not a string. */
const nonString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(...NASTY_STRUCTURES),
  fc.integer(),
  fc.double(),
);

/** Anything that is not a number. */
const nonNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_STRUCTURES),
  fc
    .maxSafeNat()
    .filter((id) => id >= 1)
    .map(String),
);

/**
 * Inserts a character that a value must not contain into otherwise harmless text.
 *
 * @param around The text around it.
 * @param bad The characters, one of which is inserted.
 * @returns The spoiled strings.
 */
function spoiled(around: fc.Arbitrary<string>, bad: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(around, fc.constantFrom(...bad), around)
    .map(([before, character, after]) => before + character + after);
}

/** What a field accepts and what it must refuse. */
export interface FieldArbitraries {
  /** Values the field accepts (its schema passes them). */
  readonly valid: fc.Arbitrary<unknown>;
  /** Values the field must refuse before anything is sent. */
  readonly refused: fc.Arbitrary<unknown>;
}

/**
 * A numeric Cal.com id (event type, user, team).
 *
 * @param known Ids the simulator knows, tried often.
 * @returns The field's arbitraries.
 */
function numericId(known: readonly number[]): FieldArbitraries {
  return {
    valid: fc.oneof(
      fc.constantFrom(...known, MAX_ID),
      fc.integer({ min: 1, max: 2_147_483_647 }),
      fc.maxSafeNat().filter((id) => id >= 1),
    ),
    refused: fc.oneof(
      fc.constantFrom(0, -0, -1, MAX_ID + 1, 2 ** 60, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 0.5, 3002.5),
      fc.integer({ max: 0 }),
      fc.maxSafeInteger().filter((id) => id < 1),
      fc.double({ noInteger: true }),
      nonNumber,
    ),
  };
}

/** The characters a booking uid or a username must not contain: path, query and fragment tricks among them. */
const PATH_TRICKS: readonly string[] = [
  '/',
  '%2F',
  '%',
  '?',
  '#',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u202E',
  'é',
  '😀',
  '@',
  ':',
  '+',
  '\\',
  '&',
  '=',
];

/**
 * A booking uid.
 *
 * @param uids The simulator's seed uids, tried often.
 * @returns The field's arbitraries.
 */
function bookingUid(uids: readonly string[]): FieldArbitraries {
  const uidish = fc.stringMatching(/^[A-Za-z0-9_-]{0,20}$/);
  return {
    valid: fc.oneof(
      fc.constantFrom(...uids, '__proto__', 'constructor', 'prototype', '-', '_'),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/),
      fc.constant('u'.repeat(MAX_UID_LENGTH)),
    ),
    refused: fc.oneof(
      spoiled(uidish, [...PATH_TRICKS, '.', '..', '../', '%2e%2e%2f']),
      fc.constantFrom('', 'a'.repeat(MAX_UID_LENGTH + 1), ONE_MB),
      nonString,
    ),
  };
}

/** Time-zone offsets to write date-times with, in minutes east of UTC (0 is written `Z`). */
const OFFSETS: readonly number[] = [0, 60, -300, 330, 345, -570, 840, -720];

/**
 * Writes an instant as ISO 8601 in a given offset.
 *
 * @param epochMs The instant.
 * @param offsetMinutes The offset, minutes east of UTC.
 * @param style With seconds, without or with milliseconds.
 * @returns The date-time, e.g. `2026-11-26T10:00:00+01:00`.
 */
export function isoDateTime(epochMs: number, offsetMinutes: number, style: 'seconds' | 'minutes' | 'millis'): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const body = style === 'millis' ? local.slice(0, 23) : style === 'seconds' ? local.slice(0, 19) : local.slice(0, 16);
  if (offsetMinutes === 0) return `${body}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${body}${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/**
 * Date-times around a clock: 30 days before it to 60 days after, minute-aligned, in assorted offsets and styles.
 *
 * @param now The clock, epoch milliseconds.
 * @returns Pairs of the instant and its text.
 */
function dateTimeAround(now: number): fc.Arbitrary<{ epochMs: number; text: string }> {
  return fc
    .tuple(
      fc.integer({ min: -30 * 1440, max: 60 * 1440 }),
      fc.constantFrom(...OFFSETS),
      fc.constantFrom('seconds' as const, 'minutes' as const, 'millis' as const),
    )
    .map(([minutes, offset, style]) => {
      const epochMs = now + minutes * 60_000;
      return { epochMs, text: isoDateTime(epochMs, offset, style) };
    });
}

/** Date-times that must be refused: no offset, impossible days and hours, trailing path or query tricks. */
const REFUSED_DATE_TIMES: readonly string[] = [
  '2026-11-26',
  '2026-11-26T09:00',
  '2026-11-26T09:00:00',
  '2026-11-26 09:00:00Z',
  '2026-02-30T09:00:00Z',
  '2026-11-26T25:00:00Z',
  '2026-11-26T09:60:00Z',
  '2026-11-26T24:00:00Z',
  '2026-11-26T09:00:00.1234567891Z',
  '2026-11-26T09:00:00+1:00',
  '2026-11-26T09:00:00z',
  '+2026-11-26T09:00:00Z',
  'tomorrow at 9',
  '26/11/2026 09:00',
];

/** Garbage glued to the end of an otherwise valid date or date-time. */
const SUFFIXES: readonly string[] = [' ', '/../', '?x=1', '#x', '\u0000', '\n', 'Z', '%2F', 'T'];

/**
 * An ISO 8601 date-time with an offset.
 *
 * @param now The clock, epoch milliseconds.
 * @returns The field's arbitraries.
 */
function dateTime(now: number): FieldArbitraries {
  const valid = dateTimeAround(now).map(({ text }) => text);
  return {
    valid,
    refused: fc.oneof(
      fc.constantFrom(...REFUSED_DATE_TIMES, '', ONE_MB),
      fc.tuple(valid, fc.constantFrom(...SUFFIXES)).map(([text, suffix]) => text + suffix),
      nonString,
    ),
  };
}

/**
 * A date (`2026-11-26`) or a date-time with an offset.
 *
 * @param now The clock, epoch milliseconds.
 * @returns The field's arbitraries.
 */
function dateOrDateTime(now: number): FieldArbitraries {
  const valid = fc.oneof(
    dateTimeAround(now).map(({ text }) => text),
    dateTimeAround(now).map(({ epochMs }) => isoDateTime(epochMs, 0, 'seconds').slice(0, 10)),
  );
  return {
    valid,
    refused: fc.oneof(
      fc.constantFrom(
        '2026-13-01',
        '2026-00-10',
        '2026-11-31',
        '2026-11-26T09:00',
        '26-11-2026',
        '2026/11/26',
        'today',
        '2026-W48',
        '20261126',
        '',
        ONE_MB,
      ),
      fc.tuple(valid, fc.constantFrom(...SUFFIXES)).map(([text, suffix]) => text + suffix),
      nonString,
    ),
  };
}

/** A time zone under core's one rule (`checkTimeZone`): IANA names in any case and legacy links are canonicalised. */
const TIME_ZONE: FieldArbitraries = {
  valid: fc.constantFrom(
    'UTC',
    'utc',
    'Europe/Rome',
    'Europe/Rome ',
    ' Europe/Rome',
    'Europe/Berlin',
    'America/New_York',
    'america/new_york',
    'US/Eastern',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Europe/Kyiv',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Argentina/Buenos_Aires',
  ),
  refused: fc.oneof(
    fc.constantFrom(
      'CET',
      'EST',
      'GMT',
      'Z',
      '+01:00',
      'GMT+1',
      'Etc/GMT+5',
      'Etc/GMT-14',
      'America/NewYork',
      'Europe/Atlantis',
      'Mars/Olympus_Mons',
      'Europe/../Rome',
      'Europe/Rome\u0000',
      'Europe//Rome',
      'Europe/Rome/',
      'Europe%2FRome',
      '../../etc/passwd',
      '',
      ONE_MB,
    ),
    nonString,
  ),
};

/**
 * Free text of at most `maxLength` characters: any Unicode (NUL, bidi, emoji, lone surrogates) is accepted, blank text
 * (only spaces) is not.
 *
 * @param maxLength The longest text accepted.
 * @returns The field's arbitraries.
 */
function text(maxLength: number): FieldArbitraries {
  return {
    valid: fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        fc.constantFrom(
          '\u0000',
          'a\u0000b',
          '\u202Eevil\u202C',
          '👩‍👩‍👧‍👦',
          '\uD800',
          '../../etc/passwd',
          '%2F?#',
          '<script>alert(1)</script>',
          "'; DROP TABLE bookings; --",
          '\u0024{7*7}',
          'x'.repeat(maxLength),
        ),
      )
      .map((value) => value.slice(0, maxLength))
      .filter((value) => value.trim() !== ''),
    refused: fc.oneof(
      fc.constantFrom('', ' ', '\n', '\t \r\n', '\u00A0', '\u3000', '\uFEFF', 'x'.repeat(maxLength + 1), ONE_MB),
      nonString,
    ),
  };
}

/** Real addresses, Unicode and internationalised domains among them. */
const REAL_ADDRESSES: readonly string[] = [
  'grace@example.com',
  "o'brien@example.com",
  'josé@example.com',
  'user@bücher.de',
  '用户@例子.广告',
  'Dörte.Müller+cal@bücher.example.de',
];

/** An email address. */
const EMAIL: FieldArbitraries = {
  valid: fc.oneof(fc.constantFrom(...REAL_ADDRESSES), fc.emailAddress()),
  refused: fc.oneof(
    fc.constantFrom(
      'grace',
      'grace@',
      '@example.com',
      'grace@@example.com',
      'grace@hopper@example.com',
      'grace hopper@example.com',
      'Grace <grace@example.com>',
      'grace@example.com\n',
      'grace\u0000@example.com',
      'grace\u202E@example.com',
      'grace@localhost',
      'grace@example..com',
      '.grace@example.com',
      '',
      `${ONE_MB}@example.com`,
    ),
    fc.string({ unit: 'binary', maxLength: 40 }).filter((value) => !value.includes('@')),
    nonString,
  ),
};

/** A yes/no flag. */
const FLAG: FieldArbitraries = {
  valid: fc.boolean(),
  refused: fc.constantFrom('true', 'false', 'yes', 'no', '', 0, 1, -0, Number.NaN, null, [], {}, [true]),
};

/** A Cal.com username. */
const USERNAME: FieldArbitraries = {
  valid: fc.oneof(
    fc.constantFrom('ada-lovelace', 'charles-babbage', '..', '.', '_', '__proto__', 'constructor'),
    fc.stringMatching(/^[A-Za-z0-9._-]{1,100}$/),
    fc.constant('u'.repeat(MAX_UID_LENGTH)),
  ),
  refused: fc.oneof(
    spoiled(fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/), PATH_TRICKS),
    fc.constantFrom('', 'a'.repeat(MAX_UID_LENGTH + 1), ONE_MB),
    nonString,
  ),
};

/** An event type or team slug. */
const SLUG: FieldArbitraries = {
  valid: fc.oneof(
    fc.constantFrom('thirty-minutes', 'team-sync', 'analytical-engines', 'nope', '__proto__', 'constructor'),
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/),
  ),
  refused: fc.oneof(
    spoiled(fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/), PATH_TRICKS),
    fc.constantFrom('', '-lead', '.hidden', 'a'.repeat(MAX_UID_LENGTH + 1), ONE_MB),
    nonString,
  ),
};

/** What the arbitraries are built from: the simulator's clock and seed data. */
export interface FuzzContext {
  /** The simulator's clock, epoch milliseconds. */
  readonly now: number;
  /** The seed bookings' uids. */
  readonly bookingUids: readonly string[];
}

/** A routing form's answers: the seeded form's identifiers (and any others), text, numbers or option lists. */
const ROUTING_FORM_RESPONSES: FieldArbitraries = {
  valid: fc.dictionary(
    fc.oneof(
      fc.constantFrom('topic', 'company-size', 'Products', 'email'),
      fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((key) => key.trim() !== '' && key !== 'form' && !key.startsWith('cal.')),
    ),
    fc.oneof(
      fc.constantFrom('Product demo', 'o-planning', 'Training', 'Something else'),
      fc.string({ minLength: 1, maxLength: 50 }).filter((text) => text.trim() !== ''),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.array(fc.constantFrom('Engine', 'Mill', 'o-mill', 'x y'), { minLength: 1, maxLength: 3 }),
    ),
    { maxKeys: 5 },
  ),
  refused: fc.oneof(
    fc.constantFrom(
      { topic: '' },
      { topic: ' ' },
      { Products: [] },
      { Products: ['Engine, Mill'] },
      { Products: [''] },
      { topic: { id: 'o-demo' } },
      { topic: null },
      { 'company-size': Number.NaN },
      { 'company-size': Number.POSITIVE_INFINITY },
      { form: 'x' },
      { 'cal.teamId': '7' },
      { '': 'x' },
      { topic: 'x'.repeat(5001) },
      Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`q${index}`, 'a'])),
    ),
    fc.constantFrom('topic=demo', 0, true, null),
  ),
};

/**
 * The arbitraries of every tool parameter, by name.
 *
 * @param context The clock and the seed data.
 * @returns The arbitraries, keyed by parameter name.
 */
export function fieldArbitraries(context: FuzzContext): Readonly<Record<string, FieldArbitraries>> {
  const eventTypeIds = [3001, 3002, 3003, 3004];
  return {
    ...managementArbitraries(context.now),
    event_type_id: numericId(eventTypeIds),
    owner_id: numericId([1001, 1002]),
    user_id: numericId([1001, 1002]),
    team_id: numericId([5001]),
    username: USERNAME,
    event_type_slug: SLUG,
    team_slug: SLUG,
    booking_id: bookingUid(context.bookingUids),
    form_id: bookingUid(['9d3b6f1e-2c4a-4e8b-a1f0-7c5d2e9b4a61']),
    responses: ROUTING_FORM_RESPONSES,
    duration_minutes: {
      valid: fc.integer({ min: 1, max: 1440 }),
      refused: fc.oneof(fc.constantFrom(0, -1, 1441, 0.5, Number.NaN, 1e308), nonNumber),
    },
    start_time: dateTime(context.now),
    end_time: dateTime(context.now),
    new_start_time: dateTime(context.now),
    new_end_time: dateTime(context.now),
    start_date: dateOrDateTime(context.now),
    end_date: dateOrDateTime(context.now),
    time_zone: TIME_ZONE,
    attendee_timezone: TIME_ZONE,
    timezone: TIME_ZONE,
    limit: limitArbitraries(MAX_BOOKINGS_PAGE_SIZE),
    skip: {
      valid: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(-0)),
      refused: fc.oneof(
        fc.integer({ max: -1 }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e308, 0.5),
        nonNumber,
      ),
    },
    status: {
      valid: fc.constantFrom('confirmed', 'tentative', 'cancelled'),
      refused: fc.oneof(
        fc.constantFrom(
          '',
          'Confirmed',
          'CONFIRMED',
          'accepted',
          'upcoming',
          'past',
          'unconfirmed',
          'pending',
          'rejected',
          'confirmed ',
          'confirmed,cancelled',
          '__proto__',
          'toString',
        ),
        nonString,
      ),
    },
    attendee_name: text(MAX_NAME_LENGTH),
    attendee_email: EMAIL,
    notes: text(MAX_NOTE_LENGTH),
    cancellation_reason: text(MAX_NOTE_LENGTH),
    reason: text(MAX_NOTE_LENGTH),
    send_confirmation: FLAG,
    send_notification: FLAG,
    guests: {
      valid: fc.array(fc.record({ email: EMAIL.valid }), { minLength: 1, maxLength: 3 }),
      refused: fc.oneof(
        fc.constantFrom([], [{}], [{ email: 'x' }], ['ann@example.com']),
        fc.constant(Array.from({ length: 11 }, (_, index) => ({ email: `g${index}@example.com` }))),
        nonString,
      ),
    },
    type: {
      valid: fc.constantFrom(
        'link',
        'address',
        'phone',
        'integration',
        'attendeeAddress',
        'attendeePhone',
        'attendeeDefined',
      ),
      refused: fc.oneof(fc.constantFrom('', 'Link', 'url', 'zoom', '__proto__'), nonString),
    },
    value: text(MAX_NAME_LENGTH),
    no_shows: {
      valid: fc.array(fc.oneof(fc.constant('host'), EMAIL.valid), { minLength: 1, maxLength: 3 }),
      refused: fc.oneof(
        fc.constantFrom([], ['Host'], [''], 'host'),
        EMAIL.refused.map((email) => [email]),
      ),
    },
    absent: FLAG,
    // Recurring and seated bookings (create_booking, cancel_booking).
    recurrence_count: {
      valid: fc.integer({ min: 1, max: 10 }),
      refused: fc.oneof(fc.constantFrom(0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY), nonNumber),
    },
    cancel_following: FLAG,
    seat_uid: bookingUid(['3be561a9-31f1-4b8e-aefc-9d9a085f0dd1']),
    ...bookingDetailArbitraries(),
  };
}

/** create_booking's details and list_bookings' sort. */
function bookingDetailArbitraries(): Readonly<Record<string, FieldArbitraries>> {
  const key = fc.string({ minLength: 1, maxLength: 40 }).filter((entry) => entry.trim() !== '');
  return {
    guest_emails: {
      valid: fc.array(EMAIL.valid, { minLength: 1, maxLength: 3 }),
      refused: fc.oneof(fc.constantFrom([''], ['x'], [{ email: 'ann@example.com' }], 'ann@example.com'), nonString),
    },
    location: {
      valid: fc.oneof(
        fc.constantFrom('address', 'link', 'phone').map((type) => ({ type })),
        fc.constantFrom('cal-video', 'zoom', 'google-meet').map((value) => ({ type: 'integration', value })),
        fc.constantFrom('+12025550123', '1 Main St').map((value) => ({ type: 'attendee_phone', value })),
        text(MAX_NAME_LENGTH).valid.map((value) => ({ type: 'attendee_defined', value })),
      ),
      refused: fc.oneof(
        fc.constantFrom({}, { type: 'office' }, { type: 'attendeePhone' }, { type: 'link', link: 'x' }, { value: 'x' }),
        fc.constantFrom('address', 0, true, null, []),
      ),
    },
    answers: {
      valid: fc.dictionary(
        key,
        fc.oneof(
          fc.constantFrom('Acme', 'Navy'),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        ),
        { maxKeys: 5 },
      ),
      refused: fc.constantFrom(
        { company: null },
        { company: { name: 'Acme' } },
        { company: [1] },
        'company=Acme',
        0,
        null,
      ),
    },
    metadata: {
      valid: fc.dictionary(key, fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean()), { maxKeys: 5 }),
      refused: fc.constantFrom({ crm: null }, { crm: { id: 1 } }, { crm: ['a'] }, 'crm=1', 0, null),
    },
    sort: {
      valid: fc.constantFrom('start_asc', 'start_desc', 'created_asc', 'created_desc'),
      refused: fc.oneof(fc.constantFrom('', 'asc', 'desc', 'START_ASC', 'end_desc', '__proto__'), nonString),
    },
  };
}

/** The weekday names of a schedule rule. */
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** A clock time "HH:MM" from minutes after midnight. */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A valid start and end "HH:MM", the end after the start. */
const CLOCK_RANGE = fc
  .tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 1439 }))
  .map(([start, length]) => ({ start_time: clock(start), end_time: clock(Math.min(1439, start + length)) }));

/** Rules of a schedule field (`weekly_hours` or `date_overrides`): a list of objects with one key besides the times. */
function scheduleRules(
  key: 'days' | 'date',
  valid: fc.Arbitrary<unknown>,
  refused: fc.Arbitrary<unknown>,
): FieldArbitraries {
  const rule = fc.tuple(valid, CLOCK_RANGE).map(([value, times]) => ({ [key]: value, ...times }));
  return {
    valid: fc.array(rule, { maxLength: 3 }),
    refused: fc.oneof(
      fc.tuple(refused, CLOCK_RANGE).map(([value, times]) => [{ [key]: value, ...times }]),
      fc
        .tuple(valid, CLOCK_RANGE)
        .map(([value, times]) => [{ [key]: value, start_time: times.end_time, end_time: times.start_time }]),
      fc
        .tuple(valid, fc.constantFrom('9am', '24:00', '9:00', '', '12:60'))
        .map(([value, time]) => [{ [key]: value, start_time: time, end_time: '23:59' }]),
      fc.tuple(valid, CLOCK_RANGE).map(([value, times]) => [{ [key]: value, ...times, extra: 1 }]),
      fc.constantFrom({}, 'Monday', 0, null, [null]),
    ),
  };
}

/**
 * The parameters of the event type, schedule, webhook and private link tools.
 *
 * @param now The clock, epoch milliseconds.
 * @returns The arbitraries, keyed by parameter name.
 */
function managementArbitraries(now: number): Readonly<Record<string, FieldArbitraries>> {
  return {
    title: text(MAX_NAME_LENGTH),
    name: text(MAX_NAME_LENGTH),
    secret: text(MAX_NAME_LENGTH),
    description: text(MAX_NOTE_LENGTH),
    slug: {
      valid: fc.stringMatching(/^[a-z0-9-]{1,100}$/),
      refused: fc.oneof(fc.constantFrom('', 'Intro Call', 'a/b', '..', 'é', 'a'.repeat(101), ONE_MB), nonString),
    },
    length_minutes: {
      valid: fc.integer({ min: 1, max: 1440 }),
      refused: fc.oneof(fc.constantFrom(0, -1, 1441, 0.5, Number.NaN, 1e308), nonNumber),
    },
    max_uses: {
      valid: fc.integer({ min: 1, max: 1_000_000 }),
      refused: fc.oneof(fc.constantFrom(0, -1, 1_000_001, 0.5, Number.NaN), nonNumber),
    },
    hidden: FLAG,
    is_default: FLAG,
    active: FLAG,
    schedule_id: numericId([2001, 2002]),
    webhook_id: bookingUid(['8001']),
    link_id: bookingUid(['c0ffee000001']),
    expires_at: dateTime(now),
    subscriber_url: {
      valid: fc.constantFrom(
        'https://example.com/cal',
        'http://localhost:8080/hook',
        'https://hooks.example.com/a?b=c',
      ),
      refused: fc.oneof(fc.constant(`https://example.com/${'x'.repeat(2000)}`), nonString),
    },
    triggers: {
      valid: fc.subarray(['BOOKING_CREATED', 'BOOKING_CANCELLED', 'BOOKING_RESCHEDULED', 'MEETING_ENDED'], {
        minLength: 1,
      }),
      refused: fc.constantFrom(
        [],
        'BOOKING_CREATED',
        ['x'.repeat(101)],
        [1],
        [null],
        Array(51).fill('MEETING_ENDED'),
        {},
        null,
        0,
      ),
    },
    weekly_hours: scheduleRules(
      'days',
      fc.subarray([...DAYS], { minLength: 1 }),
      fc.constantFrom([], ['Mon'], ['monday'], 'Monday', [1], ['Monday', 'Funday']),
    ),
    date_overrides: scheduleRules(
      'date',
      fc.integer({ min: -30, max: 400 }).map((days) => new Date(now + days * 86_400_000).toISOString().slice(0, 10)),
      fc.constantFrom('2026-02-30', '2026-13-01', '26-12-24', '2026-12-24T00:00:00Z', '', 20261224),
    ),
  };
}

/** A range a tool checks across two fields: the end after the start, and not longer than `maxDays`. */
interface RangeRule {
  readonly start: string;
  readonly end: string;
  readonly kind: 'date-time' | 'date-or-date-time';
  readonly maxDays?: number;
}

/**
 * A page or result limit: 1 to `max`.
 *
 * @param max The largest limit the tool takes (its JSON Schema's `maximum`).
 * @returns The arbitraries.
 */
function limitArbitraries(max: number): FieldArbitraries {
  return {
    valid: fc.integer({ min: 1, max }),
    refused: fc.oneof(
      fc.integer({ min: max + 1 }),
      fc.integer({ max: 0 }),
      fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 0.5, max - 0.5),
      nonNumber,
    ),
  };
}

/** The cross-field rules of the tools, which valid inputs must keep. */
const RANGE_RULES: Readonly<Record<string, RangeRule>> = {
  create_booking: { start: 'start_time', end: 'end_time', kind: 'date-time', maxDays: 1 },
  reschedule_booking: { start: 'new_start_time', end: 'new_end_time', kind: 'date-time', maxDays: 1 },
  list_availability: {
    start: 'start_date',
    end: 'end_date',
    kind: 'date-or-date-time',
    maxDays: MAX_AVAILABILITY_DAYS,
  },
  list_bookings: { start: 'start_date', end: 'end_date', kind: 'date-or-date-time' },
  get_busy_times: { start: 'start_date', end: 'end_date', kind: 'date-or-date-time', maxDays: MAX_AVAILABILITY_DAYS },
  get_routing_form_slots: {
    start: 'start_date',
    end: 'end_date',
    kind: 'date-or-date-time',
    maxDays: MAX_AVAILABILITY_DAYS,
  },
};

/**
 * Tools that name one thing in several ways (create_booking: event_type_id, or event_type_slug with username or
 * team_slug): valid inputs use the first way, the fields of the others are left out (they stay in refused and wild).
 */
const ALTERNATIVE_FORMS: Readonly<
  Record<string, { readonly first: readonly string[]; readonly others: readonly string[] }>
> = {
  create_booking: { first: ['event_type_id'], others: ['event_type_slug', 'username', 'team_slug'] },
  list_availability: { first: [], others: ['event_type_slug', 'username', 'team_slug'] },
};

/** Parameters of which a tool takes at most one. */
const EXCLUSIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  list_event_types: ['owner_id', 'team_id', 'username'],
  list_availability: ['user_id', 'event_type_id'],
  create_private_link: ['expires_at', 'max_uses'],
  update_private_link: ['expires_at', 'max_uses'],
  get_booking: ['booking_id', 'seat_uid'],
};

/** Tools of which one {@link EXCLUSIVE_FIELDS} parameter is required (an update must change something). */
const ONE_EXCLUSIVE_REQUIRED: ReadonlySet<string> = new Set(['update_private_link', 'get_booking']);

/**
 * A valid range: short (at most three days, so the simulator answers fast), end after start.
 *
 * @param rule The range rule.
 * @param now The clock, epoch milliseconds.
 * @returns The two fields.
 */
function validRange(rule: RangeRule, now: number): fc.Arbitrary<Record<string, string>> {
  const times = fc
    .tuple(dateTimeAround(now), fc.oneof(fc.constantFrom(15, 30, 45, 60), fc.integer({ min: 1, max: 1440 })))
    .chain(([start, minutes]) =>
      fc
        .tuple(fc.constantFrom(...OFFSETS), fc.constantFrom('seconds' as const, 'minutes' as const, 'millis' as const))
        .map(([offset, style]) => ({
          [rule.start]: start.text,
          [rule.end]: isoDateTime(start.epochMs + minutes * 60_000, offset, style),
        })),
    );
  if (rule.kind === 'date-time') {
    const known = fc.constant({ [rule.start]: BOOKING_INPUT.start_time, [rule.end]: BOOKING_INPUT.end_time });
    return fc.oneof(times, known);
  }
  const dates = fc.tuple(fc.integer({ min: -10, max: 30 }), fc.integer({ min: 0, max: 2 })).map(([startDay, days]) => ({
    [rule.start]: isoDateTime(now + startDay * 86_400_000, 0, 'seconds').slice(0, 10),
    [rule.end]: isoDateTime(now + (startDay + days) * 86_400_000, 0, 'seconds').slice(0, 10),
  }));
  return fc.oneof(times, dates);
}

/**
 * Builds an object with one more own property, set with `defineProperty` so that `__proto__` stays an ordinary key
 * (as `JSON.parse` makes it), never the prototype.
 *
 * @param input The input.
 * @param key The key.
 * @param value The value.
 * @returns A copy with the extra property.
 */
function withOwnProperty(input: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...input };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Generated inputs of one tool, by family. */
export interface ToolInputArbitraries {
  /** Inputs the tool accepts: every field valid, the cross-field rules kept. */
  readonly valid: fc.Arbitrary<Record<string, unknown>>;
  /** Inputs the tool must refuse before sending: one field spoiled, one required field missing, an unknown key, a range
   * turned round, or not an object at all. */
  readonly refused: fc.Arbitrary<unknown>;
  /** Anything: every field valid, refused, adversarial or left out, maybe an unknown key. */
  readonly wild: fc.Arbitrary<unknown>;
}

/**
 * Builds the input arbitraries of a tool from its JSON Schema (its parameters and which are required).
 *
 * @param tool The tool.
 * @param fields The arbitraries of every parameter.
 * @param now The clock, epoch milliseconds.
 * @returns The tool's valid, refused and wild inputs.
 */
export function toolInputArbitraries(
  tool: BoundCalComTool,
  fields: Readonly<Record<string, FieldArbitraries>>,
  now: number,
): ToolInputArbitraries {
  const names = Object.keys(tool.inputSchema.properties ?? {});
  const required = new Set(tool.inputSchema.required ?? []);
  const field = (name: string): FieldArbitraries => {
    const maximum = (tool.inputSchema.properties?.[name] as { maximum?: unknown } | undefined)?.maximum;
    if (name === 'limit' && typeof maximum === 'number') return limitArbitraries(maximum);
    const found = fields[name];
    if (found === undefined)
      throw new Error(`fuzz: no arbitraries for ${tool.name}.${name}; add them to arbitraries.ts`);
    return found;
  };
  const range = RANGE_RULES[tool.name];
  const exclusive = EXCLUSIVE_FIELDS[tool.name] ?? [];
  const inRange = (name: string) => range !== undefined && (name === range.start || name === range.end);
  const forms = ALTERNATIVE_FORMS[tool.name];
  const plain = names.filter(
    (name) => !exclusive.includes(name) && !inRange(name) && forms?.others.includes(name) !== true,
  );

  const plainValues = fc.record(Object.fromEntries(plain.map((name) => [name, field(name).valid])), {
    requiredKeys: plain.filter((name) => required.has(name) || forms?.first.includes(name) === true),
  });
  const rangeValues: fc.Arbitrary<Record<string, unknown>> =
    range === undefined
      ? fc.constant({})
      : required.has(range.start)
        ? validRange(range, now)
        : fc.oneof(
            validRange(range, now),
            fc.constant({}),
            field(range.start).valid.map((value) => ({ [range.start]: value })),
            field(range.end).valid.map((value) => ({ [range.end]: value })),
          );
  const oneExclusive = () =>
    fc.constantFrom(...exclusive).chain((name) => field(name).valid.map((value) => ({ [name]: value })));
  const exclusiveValues: fc.Arbitrary<Record<string, unknown>> =
    exclusive.length === 0
      ? fc.constant({})
      : ONE_EXCLUSIVE_REQUIRED.has(tool.name)
        ? oneExclusive()
        : fc.oneof(fc.constant({}), oneExclusive());
  const valid = fc
    .tuple(plainValues, rangeValues, exclusiveValues)
    .map(([plainPart, rangePart, exclusivePart]) => ({ ...plainPart, ...rangePart, ...exclusivePart }));

  const unknownKey = fc
    .oneof(fc.constantFrom(...ODD_KEYS), fc.string({ unit: 'binary', maxLength: 20 }))
    .filter((key) => !names.includes(key));
  const refusedFamilies: fc.Arbitrary<unknown>[] = [
    fc.tuple(valid, unknownKey, anyValue).map(([input, key, value]) => withOwnProperty(input, key, value)),
    fc.oneof(
      fc.constantFrom('', '{}', 'x', 0, 1, Number.NaN, true, false, [], [[]], new Map(), /x/, new Date(0)),
      valid.map((input) => [input]),
    ),
  ];
  if (names.length > 0) {
    refusedFamilies.push(
      fc
        .tuple(valid, fc.constantFrom(...names))
        .chain(([input, name]) => field(name).refused.map((value) => withOwnProperty(input, name, value))),
    );
  }
  if (required.size > 0) {
    refusedFamilies.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([input, name]) => {
        const { [name]: _left, ...rest } = input;
        return rest;
      }),
    );
  }
  if (range !== undefined) {
    refusedFamilies.push(
      fc.tuple(valid, validRange(range, now)).map(([input, pair]) => ({
        ...input,
        // The end at the start: never after it.
        [range.start]: pair[range.start],
        [range.end]:
          range.kind === 'date-time'
            ? pair[range.start]
            : isoDateTime(Date.parse(pair[range.start] ?? ''), 0, 'seconds'),
      })),
    );
    if (range.maxDays !== undefined) {
      const days = range.maxDays;
      refusedFamilies.push(
        fc.tuple(valid, dateTimeAround(now), fc.integer({ min: 1, max: 100_000 })).map(([input, start, minutes]) => ({
          ...input,
          [range.start]: start.text,
          [range.end]: isoDateTime(start.epochMs + days * 86_400_000 + minutes * 60_000, 0, 'seconds'),
        })),
      );
    }
  }
  const refused = fc.oneof(...refusedFamilies);

  const wildField = (name: string) =>
    fc.oneof(field(name).valid, field(name).refused, anyValue, fc.constant(undefined));
  const wild = fc
    .tuple(
      fc.record(Object.fromEntries(names.map((name) => [name, wildField(name)])), { requiredKeys: [] }),
      fc.option(fc.tuple(unknownKey, anyValue), { freq: 4 }),
    )
    .map(([input, extra]) => {
      const cleaned = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      return extra === null ? cleaned : withOwnProperty(cleaned, extra[0], extra[1]);
    });
  return { valid, refused, wild };
}
