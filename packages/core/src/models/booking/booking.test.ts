import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CalComEventSchema, toBookingConfirmation } from './booking';

const dto = {
  id: 123,
  uid: 'booking_uid_123',
  title: 'Consultation',
  description: 'Learn how to integrate scheduling.',
  hosts: [
    {
      id: 1,
      name: 'Jane Doe',
      email: 'jane@example.com',
      displayEmail: 'jane@example.com',
      username: 'jane',
      timeZone: 'America/Los_Angeles',
    },
  ],
  status: 'accepted',
  start: '2024-08-13T17:30:00+02:00',
  end: '2024-08-13T16:30:00.000Z',
  duration: 60,
  eventTypeId: 50,
  eventType: { id: 50, slug: 'consultation' },
  meetingUrl: 'https://example.com/meeting',
  location: 'https://example.com/meeting',
  absentHost: false,
  createdAt: '2024-08-01T10:00:00Z',
  updatedAt: '2024-08-02T10:00:00Z',
  metadata: { source: 'agent' },
  rescheduledFromUid: 'previous_uid',
  attendees: [
    {
      name: 'John',
      email: 'john@example.com',
      displayEmail: 'john@example.com',
      timeZone: 'Europe/Rome',
      absent: false,
    },
    { name: 'Old attendee', timeZone: 'UTC', absent: true },
  ],
  guests: ['guest@example.com'],
  bookingFieldsResponses: {
    name: 'John',
    email: 'john@example.com',
    notes: 'Please bring the contract.',
    company: { name: 'Acme', size: 12 },
  },
  unknownFutureField: { nested: true },
};

describe('CalComEventSchema', () => {
  it('maps the booking DTO to the domain model with UTC times', () => {
    expect(v.parse(CalComEventSchema, dto)).toEqual({
      id: 123,
      uid: 'booking_uid_123',
      title: 'Consultation',
      description: 'Learn how to integrate scheduling.',
      status: 'accepted',
      start: '2024-08-13T15:30:00.000Z',
      end: '2024-08-13T16:30:00.000Z',
      durationMinutes: 60,
      eventTypeId: 50,
      eventTypeSlug: 'consultation',
      attendees: [
        { name: 'John', email: 'john@example.com', timeZone: 'Europe/Rome', absent: false },
        { name: 'Old attendee', timeZone: 'UTC', absent: true },
      ],
      hosts: [
        { id: 1, name: 'Jane Doe', email: 'jane@example.com', username: 'jane', timeZone: 'America/Los_Angeles' },
      ],
      location: 'https://example.com/meeting',
      meetingUrl: 'https://example.com/meeting',
      rescheduledFromUid: 'previous_uid',
      guests: ['guest@example.com'],
      createdAt: '2024-08-01T10:00:00.000Z',
      updatedAt: '2024-08-02T10:00:00.000Z',
      metadata: { source: 'agent' },
      responses: {
        name: 'John',
        email: 'john@example.com',
        notes: 'Please bring the contract.',
        company: { name: 'Acme', size: 12 },
      },
      notes: 'Please bring the contract.',
    });
  });

  it.each([
    ['no responses', undefined, {}],
    ['null responses', null, {}],
    ['notes that are not text', { name: 'John', notes: ['a', 'b'] }, { name: 'John', notes: ['a', 'b'] }],
    [
      'responses without notes',
      { name: 'John', email: 'john@example.com' },
      { name: 'John', email: 'john@example.com' },
    ],
  ])('keeps the responses and leaves out notes with %s', (_case, bookingFieldsResponses, responses) => {
    const booking = v.parse(CalComEventSchema, { ...dto, bookingFieldsResponses });
    expect(booking.responses).toEqual(responses);
    expect(booking).not.toHaveProperty('notes');
  });

  it('fills defaults for optional fields the API leaves out', () => {
    const booking = v.parse(CalComEventSchema, {
      ...dto,
      description: null,
      location: undefined,
      meetingUrl: undefined,
      rescheduledFromUid: undefined,
      rescheduledToUid: 'next_uid',
      cancellationReason: 'Host is ill',
      status: 'cancelled',
      guests: undefined,
      metadata: undefined,
      updatedAt: undefined,
      attendees: [{ name: 'Ann', email: '', timeZone: 'UTC' }],
    });
    expect(booking).toMatchObject({
      description: '',
      location: null,
      guests: [],
      metadata: {},
      updatedAt: '2024-08-01T10:00:00.000Z',
      rescheduledToUid: 'next_uid',
      cancellationReason: 'Host is ill',
      attendees: [{ name: 'Ann', timeZone: 'UTC', absent: false }],
    });
    expect(booking).not.toHaveProperty('meetingUrl');
    expect(booking).not.toHaveProperty('rescheduledFromUid');
  });

  it('round-trips through JSON without losing data', () => {
    const booking = v.parse(CalComEventSchema, JSON.parse(JSON.stringify(dto)));
    expect(JSON.parse(JSON.stringify(booking))).toEqual(booking);
    expect(v.parse(CalComEventSchema, dto)).toEqual(booking);
  });

  it.each([
    ['status', { ...dto, status: 'ACCEPTED' }, 'status'],
    ['start', { ...dto, start: 'yesterday' }, 'start'],
    ['eventType.id', { ...dto, eventType: { id: '50', slug: 'x' } }, 'eventType.id'],
    ['attendees[0].timeZone', { ...dto, attendees: [{ name: 'A', timeZone: 7 }] }, 'attendees.0.timeZone'],
    ['hosts[0].id', { ...dto, hosts: [{ ...dto.hosts[0], id: 'one' }] }, 'hosts.0.id'],
    ['bookingFieldsResponses', { ...dto, bookingFieldsResponses: 'notes' }, 'bookingFieldsResponses'],
  ])('names the path of a wrong %s', (_field, input, path) => {
    const result = v.safeParse(CalComEventSchema, input);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toContain(path);
  });
});

describe('toBookingConfirmation', () => {
  it('builds the confirmation of an accepted booking', () => {
    const booking = v.parse(CalComEventSchema, dto);
    expect(toBookingConfirmation(booking, 'https://app.cal.com/booking/booking_uid_123')).toEqual({
      bookingId: 123,
      bookingUid: 'booking_uid_123',
      status: 'accepted',
      confirmedAt: '2024-08-01T10:00:00.000Z',
      start: '2024-08-13T15:30:00.000Z',
      end: '2024-08-13T16:30:00.000Z',
      requiresHostConfirmation: false,
      manageUrl: 'https://app.cal.com/booking/booking_uid_123',
    });
  });

  it('flags a pending booking as needing the host and omits an unknown manage URL', () => {
    const booking = v.parse(CalComEventSchema, { ...dto, status: 'pending' });
    const confirmation = toBookingConfirmation(booking);
    expect(confirmation.requiresHostConfirmation).toBe(true);
    expect(confirmation).not.toHaveProperty('manageUrl');
  });
});
