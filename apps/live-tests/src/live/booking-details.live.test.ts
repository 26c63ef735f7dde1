import { CalComValidationError } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { attendeeEmail, createTestEventType, upcomingSlots } from '../support/booking-helpers';
import { useLiveSession } from '../support/live-session';

/** This file's label in slugs and attendee emails. */
const LABEL = 'details';

describe('a complete booking through a real socket', { tags: ['integration'] }, () => {
  const live = useLiveSession(LABEL);

  it('books a chosen length at the Cal Video location with guests and metadata, then finds it by attendee', async () => {
    const created = await createTestEventType(live.client, live.tracker, LABEL);
    const eventType = await live.client.eventTypes.update(created.id, { lengthInMinutesOptions: [30, 60] });
    expect(eventType.lengthInMinutesOptions).toEqual([30, 60]);
    const offersCalVideo = eventType.locations.some(
      (location) => (location as { integration?: unknown }).integration === 'cal-video',
    );
    const [slot] = await upcomingSlots(live.target, eventType.id, 1);
    const name = `Live Test ${LABEL}`;
    const { booking } = await live.client.bookings.create({
      eventTypeId: eventType.id,
      start: slot?.start ?? '',
      lengthInMinutes: 60,
      attendee: { name, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
      guests: [attendeeEmail(`${LABEL}-guest`)],
      metadata: { source: 'calcom-int-live' },
      ...(offersCalVideo ? { location: { type: 'integration', integration: 'cal-video' } as const } : {}),
    });
    live.tracker.booking(booking.uid);
    expect(new Date(booking.end).getTime() - new Date(booking.start).getTime()).toBe(60 * 60_000);
    expect(booking.metadata).toMatchObject({ source: 'calcom-int-live' });
    const found = await live.client.bookings.list({ attendeeName: name, eventTypeId: eventType.id, sortStart: 'desc' });
    expect(found.items.map((item) => item.uid)).toContain(booking.uid);
  });

  it('refuses before sending a location the event type does not offer and a required question left out', async () => {
    if (live.target.simulator === undefined) return; // a real account has no seeded discovery call
    const base = {
      eventTypeId: 3007,
      start: (await upcomingSlots(live.target, 3007, 1))[0]?.start ?? '',
      attendee: { name: `Live Test ${LABEL}`, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
    };
    const posts = () => live.target.simulator?.requests.filter((request) => request.method === 'POST').length;
    const before = posts();
    await expect(live.client.bookings.create(base)).rejects.toBeInstanceOf(CalComValidationError);
    await expect(
      live.client.bookings.create({
        ...base,
        location: { type: 'attendeeDefined', location: 'Pub' },
        bookingFieldsResponses: { company: 'X' },
      }),
    ).rejects.toThrow('does not offer the location attendeeDefined');
    expect(posts()).toBe(before);
  });
});
