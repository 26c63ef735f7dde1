import type { CalComEvent, EventType } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { bookingTimeZone, formatBookingLine, summarizeBooking } from './booking';
import { formatEventTypeLine } from './event-type';
import { plural } from './plural';
import { formatLocal, formatRange, toUtc } from './time';

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

  it('shows local times with the weekday and zone', () => {
    expect(formatLocal('2026-11-26T09:00:00Z', 'America/New_York')).toBe('Thu 2026-11-26 04:00 America/New_York');
  });

  it('spells out both dates when a range crosses midnight', () => {
    expect(formatRange('2026-11-26T22:30:00Z', '2026-11-27T00:30:00Z', 'UTC')).toBe(
      '2026-11-26T22:30:00Z–2026-11-27T00:30:00Z (Thu 2026-11-26 22:30–Fri 2026-11-27 00:30 UTC)',
    );
  });
});

describe('booking formatting', () => {
  it('falls back to the attendee zone and leaves out what is missing', () => {
    expect(bookingTimeZone(booking)).toBe('Asia/Tokyo');
    expect(bookingTimeZone({ ...booking, attendees: [] })).toBe('UTC');
    expect(formatBookingLine(booking)).toBe(
      'uid bk_1 | accepted | 2026-11-26T22:30:00Z–2026-11-27T00:30:00Z (Fri 2026-11-27 07:30–09:30 Asia/Tokyo) | "Night shift handover" | event_type_id 3 | with "Walk-in"',
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
      `uid bk_1 | accepted | 2026-11-26T22:30:00Z–2026-11-27T00:30:00Z (Fri 2026-11-27 07:30–09:30 Asia/Tokyo) | "Night shift handover" | event_type_id 3 | with "Walk-in" | notes "${kept}" (142 more characters)`,
    );
    expect(summarizeBooking(withNotes).notes).toBe(`${kept} (142 more characters)`);
    expect(formatBookingLine({ ...booking, notes: 'Short' })).toMatch(/ \| notes "Short"$/);
    expect(formatBookingLine({ ...booking, notes: '  ' })).not.toContain('notes');
    expect(summarizeBooking({ ...booking, notes: '  ' })).not.toHaveProperty('notes');
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
