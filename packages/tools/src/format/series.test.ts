import type { CalComEvent, EventType } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { formatBookingLine, summarizeBooking } from './booking';
import { formatEventTypeLine } from './event-type';
import { formatOccurrences, summarizeOccurrences } from './series';

const occurrence: CalComEvent = {
  id: 7,
  uid: 'occ_1',
  title: 'Coaching',
  description: '',
  status: 'accepted',
  start: '2026-12-02T10:00:00.000Z',
  end: '2026-12-02T10:30:00.000Z',
  durationMinutes: 30,
  eventTypeId: 3005,
  eventTypeSlug: 'weekly-coaching',
  attendees: [{ name: 'Ann', email: 'ann@example.com', timeZone: 'UTC', absent: false, seatUid: 'seat_1' }],
  hosts: [],
  location: null,
  recurringBookingUid: 'series_1',
  seatUid: 'seat_1',
  guests: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  metadata: {},
  responses: {},
};

describe('recurring and seated bookings', () => {
  it('numbers the occurrences and names the series', () => {
    const second = {
      ...occurrence,
      uid: 'occ_2',
      status: 'cancelled' as const,
      start: '2026-12-09T10:00:00.000Z',
      end: '2026-12-09T10:30:00.000Z',
    };
    expect(formatOccurrences([occurrence, second])).toEqual([
      'Recurring series series_1: 2 occurrences.',
      'occurrence 1 of 2: uid occ_1 | accepted | 2026-12-02T10:00:00Z–10:30:00Z (Wed 2026-12-02 10:00+00:00–10:30 UTC)',
      'occurrence 2 of 2: uid occ_2 | cancelled | 2026-12-09T10:00:00Z–10:30:00Z (Wed 2026-12-09 10:00+00:00–10:30 UTC)',
    ]);
    expect(formatOccurrences([{ ...occurrence, recurringBookingUid: '' }])[0]).toBe(
      'Recurring series (unknown): 1 occurrence.',
    );
    expect(summarizeOccurrences([second])).toEqual([
      { uid: 'occ_2', status: 'cancelled', start: '2026-12-09T10:00:00.000Z', end: '2026-12-09T10:30:00.000Z' },
    ]);
  });

  it('shows the series and the seats in the booking line and summary', () => {
    expect(formatBookingLine(occurrence)).toBe(
      'uid occ_1 | accepted | 2026-12-02T10:00:00Z–10:30:00Z (Wed 2026-12-02 10:00+00:00–10:30 UTC) | "Coaching" | event_type_id 3005 | with "Ann" <ann@example.com> seat_uid seat_1 | recurring series series_1 | seat_uid seat_1',
    );
    expect(summarizeBooking(occurrence)).toMatchObject({
      recurringBookingUid: 'series_1',
      seatUid: 'seat_1',
      attendees: [{ name: 'Ann', email: 'ann@example.com', timeZone: 'UTC', seatUid: 'seat_1' }],
    });
  });

  it('shows a recurring or seated event type', () => {
    const base = {
      id: 9,
      title: 'Coaching',
      slug: 'c',
      lengthInMinutes: 30,
      lengthInMinutesOptions: [],
      hidden: false,
      ownerId: 1,
      teamId: null,
    };
    expect(
      formatEventTypeLine({
        ...base,
        recurrence: { frequency: 'monthly', interval: 2, occurrences: 6 },
      } as unknown as EventType),
    ).toBe(
      'event_type_id 9 | "Coaching" | slug c | 30 min | owner_id 1 | recurring monthly every 2, up to 6 occurrences',
    );
    expect(formatEventTypeLine({ ...base, seatsPerTimeSlot: 5 } as unknown as EventType)).toBe(
      'event_type_id 9 | "Coaching" | slug c | 30 min | owner_id 1 | 5 seats per slot',
    );
  });
});
