import { type CalComClient, CalComValidationError } from '@calcom-int/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeEmail, createTestEventType, upcomingSlots } from '../support/booking-helpers';
import { closeLiveSession, openLiveSession } from '../support/live-session';
import type { ResourceTracker } from '../support/resource-tracker';
import type { LiveTarget } from '../support/target';

/** This file's label in slugs and attendee emails. */
const LABEL = 'details';

describe('a complete booking through a real socket', { tags: ['integration'] }, () => {
  let target: LiveTarget;
  let client: CalComClient;
  let tracker: ResourceTracker;

  beforeAll(async () => {
    ({ target, client, tracker } = await openLiveSession(LABEL));
  });

  afterAll(() => closeLiveSession(target, tracker));

  it('books a chosen length at the Cal Video location with guests and metadata, then finds it by attendee', async () => {
    const created = await createTestEventType(client, tracker, LABEL);
    const eventType = await client.eventTypes.update(created.id, { lengthInMinutesOptions: [30, 60] });
    expect(eventType.lengthInMinutesOptions).toEqual([30, 60]);
    const offersCalVideo = eventType.locations.some(
      (location) => (location as { integration?: unknown }).integration === 'cal-video',
    );
    const [slot] = await upcomingSlots(target, eventType.id, 1);
    const name = `Live Test ${LABEL}`;
    const { booking } = await client.bookings.create({
      eventTypeId: eventType.id,
      start: slot?.start ?? '',
      lengthInMinutes: 60,
      attendee: { name, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
      guests: [attendeeEmail(`${LABEL}-guest`)],
      metadata: { source: 'calcom-int-live' },
      ...(offersCalVideo ? { location: { type: 'integration', integration: 'cal-video' } as const } : {}),
    });
    tracker.booking(booking.uid);
    expect(new Date(booking.end).getTime() - new Date(booking.start).getTime()).toBe(60 * 60_000);
    expect(booking.metadata).toMatchObject({ source: 'calcom-int-live' });
    const found = await client.bookings.list({ attendeeName: name, eventTypeId: eventType.id, sortStart: 'desc' });
    expect(found.items.map((item) => item.uid)).toContain(booking.uid);
  });

  it('refuses before sending a location the event type does not offer and a required question left out', async () => {
    if (target.simulator === undefined) return; // a real account has no seeded discovery call
    const base = {
      eventTypeId: 3007,
      start: (await upcomingSlots(target, 3007, 1))[0]?.start ?? '',
      attendee: { name: `Live Test ${LABEL}`, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
    };
    const posts = () => target.simulator?.requests.filter((request) => request.method === 'POST').length;
    const before = posts();
    await expect(client.bookings.create(base)).rejects.toBeInstanceOf(CalComValidationError);
    await expect(
      client.bookings.create({
        ...base,
        location: { type: 'attendeeDefined', location: 'Pub' },
        bookingFieldsResponses: { company: 'X' },
      }),
    ).rejects.toThrow('does not offer the location attendeeDefined');
    expect(posts()).toBe(before);
  });
});
