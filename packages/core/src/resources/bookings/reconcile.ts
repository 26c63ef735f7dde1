import type { CalComEvent } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { getBooking, iterateBookings } from './booking-requests';

export { isAmbiguous } from '../common/read-back';

/**
 * Tells whether a booking is live: `cancelled` and `rejected` bookings no longer hold their slot and are never the
 * result of a create or a reschedule.
 */
function isLive(booking: CalComEvent): boolean {
  return booking.status !== 'cancelled' && booking.status !== 'rejected';
}

/**
 * Looks for the booking an ambiguous create may have made (D7): a live booking of the event type at exactly the
 * start with the attendee's email. The list is asked for the event type and the slot's window only; every condition is
 * checked here as well, so a booking of another attendee in the same slot, a cancelled or rejected one, or one that a
 * server ignoring a filter sends along is never taken for ours. The slot was free just before the create (the slot
 * check), so a match was made by this call.
 */
export async function findCreatedBooking(
  context: ResourceContext,
  wanted: { eventTypeId: number; start: string; end: string; email: string },
  options: RequestOptions | undefined,
): Promise<CalComEvent | undefined> {
  const email = wanted.email.toLowerCase();
  const bookings = iterateBookings(
    context,
    { eventTypeId: wanted.eventTypeId, afterStart: wanted.start, beforeEnd: wanted.end },
    options,
  );
  for await (const booking of bookings) {
    if (
      booking.start === wanted.start &&
      booking.eventTypeId === wanted.eventTypeId &&
      isLive(booking) &&
      booking.attendees.some((attendee) => attendee.email?.toLowerCase() === email)
    ) {
      return booking;
    }
  }
  return undefined;
}

/**
 * Looks for the new booking an ambiguous reschedule may have made (D7). Only the reschedule of OUR uid counts: the old
 * booking's `rescheduledToUid`, else a booking whose `rescheduledFromUid` is the old uid (docs/CALCOM-API.md §7.5);
 * either way it must start at the requested time, so a reschedule to another time (made by someone else) or any other
 * booking in the window is never taken for ours.
 */
export async function findRescheduledBooking(
  context: ResourceContext,
  wanted: { uid: string; eventTypeId: number; start: string; end: string },
  options: RequestOptions | undefined,
): Promise<CalComEvent | undefined> {
  const isOurs = (booking: CalComEvent) => booking.rescheduledFromUid === wanted.uid && booking.start === wanted.start;
  const old = await getBooking(context, wanted.uid, options);
  if (old.rescheduledToUid !== undefined) {
    const next = await getBooking(context, old.rescheduledToUid, options);
    return isOurs(next) ? next : undefined;
  }
  const bookings = iterateBookings(
    context,
    { eventTypeId: wanted.eventTypeId, afterStart: wanted.start, beforeEnd: wanted.end },
    options,
  );
  for await (const booking of bookings) {
    if (isOurs(booking)) return booking;
  }
  return undefined;
}
