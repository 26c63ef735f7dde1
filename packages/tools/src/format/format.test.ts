import type { CalComEvent, EventType } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { bookingTimeZone, formatBookingLine, summarizeBooking } from './booking';
import { formatEventTypeLine } from './event-type';
import { plural } from './plural';
import { formatLocal, formatOffset, formatRange, toUtc } from './time';

const booking: CalComEvent = {
  id: 7,
  uid: 'bk_1',
  title: 'Night shift handover',
  description: '',
  status: 'accepted',
  start: '2026-11-26T22:30:00.000Z',
  end: '2026-11-27T00:30:00.000Z',
  durationMinutes: 120,
  eventTypeId: 3,
  eventTypeSlug: 'handover',
  attendees: [{ name: 'Walk-in', timeZone: 'Asia/Tokyo', absent: false }],
  hosts: [],
  location: null,
  guests: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  metadata: {},
  responses: {},
};

describe('time formatting', () => {
  it('normalises instants to UTC and keeps unparsable text', () => {
    expect(toUtc('2026-11-26T10:00:00+01:00')).toBe('2026-11-26T09:00:00Z');
    expect(toUtc('2026-11-26T10:00:00.250Z')).toBe('2026-11-26T10:00:00.250Z');
    expect(toUtc('soon')).toBe('soon');
  });

  it('shows local times with the weekday, the UTC offset and the zone', () => {
    expect(formatLocal('2026-11-26T09:00:00Z', 'America/New_York')).toBe('Thu 2026-11-26 04:00-05:00 America/New_York');
    expect(formatLocal('2026-11-26T09:00:00Z', 'Asia/Kolkata')).toBe('Thu 2026-11-26 14:30+05:30 Asia/Kolkata');
    expect(formatLocal('2026-11-26T09:00:00Z', 'UTC')).toBe('Thu 2026-11-26 09:00+00:00 UTC');
  });

  it('shows an instant with milliseconds at its whole second, with the true offset', () => {
    expect(formatLocal('2026-11-26T17:08:25.782Z', 'Europe/Berlin')).toBe(
      'Thu 2026-11-26 18:08:25+01:00 Europe/Berlin',
    );
    expect(formatLocal('2026-11-26T17:08:00.999Z', 'America/New_York')).toBe(
      'Thu 2026-11-26 12:08-05:00 America/New_York',
    );
  });

  it('spells out both dates when a range crosses midnight', () => {
    expect(formatRange('2026-11-26T22:30:00Z', '2026-11-27T00:30:00Z', 'UTC')).toBe(
      '2026-11-26T22:30:00Z–2026-11-27T00:30:00Z (Thu 2026-11-26 22:30+00:00–Fri 2026-11-27 00:30 UTC)',
    );
  });

  it('writes the end offset only when it differs from the start offset, as the end date', () => {
    expect(formatRange('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'Europe/Rome')).toBe(
      '2026-03-29T00:30:00Z–01:30:00Z (Sun 2026-03-29 01:30+01:00–03:30+02:00 Europe/Rome)',
    );
    expect(formatRange('2026-03-29T02:30:00Z', '2026-03-29T03:30:00Z', 'Europe/Rome')).toBe(
      '2026-03-29T02:30:00Z–03:30:00Z (Sun 2026-03-29 04:30+02:00–05:30 Europe/Rome)',
    );
  });

  it('tells the repeated hour of a fall-back day apart, so no range looks inverted (New York, 1 November 2026)', () => {
    // 05:30Z is 01:30 EDT (-04:00); 06:00Z is 01:00 EST (-05:00), half an hour later although the clock reads earlier.
    expect(formatRange('2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z', 'America/New_York')).toBe(
      '2026-11-01T05:30:00Z–06:00:00Z (Sun 2026-11-01 01:30-04:00–01:00-05:00 America/New_York)',
    );
    expect(formatLocal('2026-11-01T05:30:00Z', 'America/New_York')).not.toBe(
      formatLocal('2026-11-01T06:30:00Z', 'America/New_York'),
    );
  });

  it('writes offsets as ±HH:MM with an ASCII hyphen-minus, and seconds only when there are some', () => {
    expect([0, 3_600_000, -14_400_000, 45_900_000, 37_800_000, -12_600_000, 3_208_000].map(formatOffset)).toEqual([
      '+00:00',
      '+01:00',
      '-04:00',
      '+12:45',
      '+10:30',
      '-03:30',
      '+00:53:28',
    ]);
  });
});

describe('booking formatting', () => {
  it('falls back to the attendee zone and leaves out what is missing', () => {
    expect(bookingTimeZone(booking)).toBe('Asia/Tokyo');
    expect(bookingTimeZone({ ...booking, attendees: [] })).toBe('UTC');
    expect(formatBookingLine(booking)).toBe(
      'uid bk_1 | accepted | 2026-11-26T22:30:00Z–2026-11-27T00:30:00Z (Fri 2026-11-27 07:30+09:00–09:30 Asia/Tokyo) | "Night shift handover" | event_type_id 3 | with "Walk-in"',
    );
    expect(summarizeBooking(booking)).toEqual({
      uid: 'bk_1',
      id: 7,
      status: 'accepted',
      title: 'Night shift handover',
      start: '2026-11-26T22:30:00.000Z',
      end: '2026-11-27T00:30:00.000Z',
      timeZone: 'Asia/Tokyo',
      eventTypeId: 3,
      attendees: [{ name: 'Walk-in', timeZone: 'Asia/Tokyo' }],
      hosts: [],
      location: null,
    });
  });

  it('shows notes as one quoted, escaped and capped field, the same in the summary', () => {
    const notes = `Bring the "Q3" slides.\nAsk about hiring.  ${'x'.repeat(300)}`;
    const withNotes = { ...booking, notes, responses: { name: 'Walk-in', notes } };
    const line = formatBookingLine(withNotes);
    const kept = `Bring the \\"Q3\\" slides.\\nAsk about hiring.  ${'x'.repeat(158)}…`;
    expect(line).toBe(
      `uid bk_1 | accepted | 2026-11-26T22:30:00Z–2026-11-27T00:30:00Z (Fri 2026-11-27 07:30+09:00–09:30 Asia/Tokyo) | "Night shift handover" | event_type_id 3 | with "Walk-in" | notes "${kept}" (142 more characters)`,
    );
    expect(summarizeBooking(withNotes).notes).toBe(`${kept} (142 more characters)`);
    expect(formatBookingLine({ ...booking, notes: 'Short' })).toMatch(/ \| notes "Short"$/);
    expect(formatBookingLine({ ...booking, notes: '  ' })).not.toContain('notes');
    expect(summarizeBooking({ ...booking, notes: '  ' })).not.toHaveProperty('notes');
  });

  it("adds each attendee's own local time when their zone is not the booking's, the date only when it differs", () => {
    const hosted = {
      ...booking,
      start: '2026-11-26T09:00:00.000Z',
      end: '2026-11-26T09:30:00.000Z',
      hosts: [{ id: 1, name: 'Ada', email: 'ada@example.com', username: 'ada', timeZone: 'Europe/Rome' }],
      attendees: [
        { name: 'Grace', email: 'grace@example.com', timeZone: 'America/New_York', absent: false },
        { name: 'Kenji', timeZone: 'Asia/Tokyo', absent: false },
        { name: 'Lucia', timeZone: 'Europe/Rome', absent: false },
      ],
    };
    expect(formatBookingLine(hosted)).toBe(
      'uid bk_1 | accepted | 2026-11-26T09:00:00Z–09:30:00Z (Thu 2026-11-26 10:00+01:00–10:30 Europe/Rome) | "Night shift handover" | event_type_id 3 | with "Grace" <grace@example.com> (04:00-05:00–04:30 America/New_York), "Kenji" (18:00+09:00–18:30 Asia/Tokyo), "Lucia"',
    );
    const late = { ...hosted, start: '2026-11-26T22:00:00.000Z', end: '2026-11-26T22:30:00.000Z' };
    expect(formatBookingLine(late)).toContain('"Kenji" (Fri 2026-11-27 07:00+09:00–07:30 Asia/Tokyo)');
    expect(formatBookingLine(late)).toContain('"Grace" <grace@example.com> (17:00-05:00–17:30 America/New_York)');
  });

  it('leaves the location to get_booking in lists', () => {
    const withLink = { ...booking, meetingUrl: 'https://app.cal.com/video/bk_1', location: 'Office' };
    expect(formatBookingLine(withLink)).toContain('| at "https://app.cal.com/video/bk_1"');
    expect(formatBookingLine(withLink, { location: false })).not.toMatch(/ at |Office|video/);
  });

  it('prefers the meeting link and shows the location otherwise', () => {
    expect(formatBookingLine({ ...booking, attendees: [], location: 'Office, room 4' })).toContain(
      '| at "Office, room 4"',
    );
  });
});

describe('event type formatting', () => {
  const eventType = {
    id: 9,
    title: 'Team sync',
    slug: 'sync',
    lengthInMinutes: 30,
    lengthInMinutesOptions: [15, 30],
    hidden: true,
    ownerId: null,
    teamId: 4,
  } as Pick<
    EventType,
    'id' | 'title' | 'slug' | 'lengthInMinutes' | 'lengthInMinutesOptions' | 'hidden' | 'ownerId' | 'teamId'
  >;

  it('shows lengths, the team and hidden types', () => {
    expect(formatEventTypeLine(eventType as EventType)).toBe(
      'event_type_id 9 | "Team sync" | slug sync | 15/30 min | team_id 4 | hidden',
    );
    expect(formatEventTypeLine({ ...eventType, teamId: null, ownerId: null, hidden: false } as EventType)).toBe(
      'event_type_id 9 | "Team sync" | slug sync | 15/30 min',
    );
  });
});

describe('plural', () => {
  it('counts in words', () => {
    expect(plural(1, 'booking')).toBe('1 booking');
    expect(plural(2, 'booking')).toBe('2 bookings');
    expect(plural(0, 'person', 'people')).toBe('0 people');
  });
});
