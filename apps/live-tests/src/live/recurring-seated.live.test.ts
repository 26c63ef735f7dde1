import type { EventType } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { attendeeEmail, DAY } from '../support/booking-helpers';
import { useLiveSession } from '../support/live-session';

/** This file's label in slugs and attendee emails. */
const LABEL = 'series';

// Recurring and seated bookings (docs/CALCOM-API.md §7.5.1) against the account's own recurring and seated event types:
// the simulator seeds one of each; a real account without them skips the step.
describe('recurring and seated bookings through a real socket', { tags: ['integration'] }, () => {
  const live = useLiveSession(LABEL);

  /** The first free start of an event type from tomorrow on, within a week. */
  async function firstFreeStart(eventType: EventType): Promise<string | undefined> {
    const now = live.target.now().getTime();
    const slots = await live.client.slots.list({
      eventTypeId: eventType.id,
      start: new Date(now + DAY),
      end: new Date(now + 8 * DAY),
      timeZone: 'UTC',
    });
    return slots[0]?.start;
  }

  it('books two occurrences of a recurring event type and cancels the second with the following ones', async () => {
    const recurring = (await live.client.eventTypes.list()).find((eventType) => eventType.recurrence !== undefined);
    if (recurring === undefined) {
      expect(live.target.simulator).toBeUndefined();
      return;
    }
    const start = await firstFreeStart(recurring);
    if (start === undefined) throw new Error(`No free start of ${recurring.slug} in the next week.`);
    const { occurrences = [] } = await live.client.bookings.create({
      eventTypeId: recurring.id,
      start,
      attendee: { name: `Live Test ${LABEL}`, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
      recurrenceCount: 2,
    });
    for (const occurrence of occurrences) live.tracker.booking(occurrence.uid);
    expect(occurrences).toHaveLength(2);
    const series = occurrences[0]?.recurringBookingUid ?? '';
    expect((await live.client.bookings.listOccurrences(series)).map((occurrence) => occurrence.uid)).toEqual(
      occurrences.map((occurrence) => occurrence.uid),
    );
    const result = await live.client.bookings.cancel(occurrences[1]?.uid ?? '', {
      reason: 'calcom-int live tests',
      cancelSubsequent: true,
    });
    expect(result.occurrences?.map((occurrence) => occurrence.status)).toEqual([occurrences[0]?.status, 'cancelled']);
  });

  it('books a seat of a seated event type, finds it by seat and cancels the seat', async () => {
    const seated = (await live.client.eventTypes.list()).find((eventType) => eventType.seatsPerTimeSlot !== undefined);
    if (seated === undefined) {
      expect(live.target.simulator).toBeUndefined();
      return;
    }
    const start = await firstFreeStart(seated);
    if (start === undefined) throw new Error(`No free start of ${seated.slug} in the next week.`);
    const { booking } = await live.client.bookings.create({
      eventTypeId: seated.id,
      start,
      attendee: { name: `Live Test ${LABEL}`, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
    });
    live.tracker.booking(booking.uid);
    const seatUid = booking.seatUid ?? '';
    expect((await live.client.bookings.getBySeat(seatUid)).uid).toBe(booking.uid);
    const result = await live.client.bookings.cancel(booking.uid, { seatUid, reason: 'calcom-int live tests' });
    expect(result.seatUid).toBe(seatUid);
    expect(result.booking.attendees.some((attendee) => attendee.seatUid === seatUid)).toBe(false);
  });
});
