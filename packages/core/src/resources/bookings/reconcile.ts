import { CalComServerError } from '../../errors/api-error';
import { CalComNetworkError } from '../../errors/network-error';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import type { CalComEvent } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { listBookings } from './list-bookings';
import { getBooking } from './send-booking';

/**
 * Tells whether a failed write may still have happened: the request was sent and then timed out, the connection
 * broke, the server failed (5xx) or the answer was unreadable.
 *
 * @param error The error.
 * @returns Whether the outcome is ambiguous.
 */
export function isAmbiguous(error: unknown): boolean {
  return (
    (error instanceof CalComNetworkError && error.requestSent) ||
    error instanceof CalComServerError ||
    error instanceof CalComUnexpectedResponseError
  );
}

/**
 * Looks for the booking an ambiguous create may have made (D7).
 *
 * @param context The resource context.
 * @param wanted The event type, times and attendee email.
 * @param options The per-call options.
 * @returns The booking, if found.
 */
export async function findCreatedBooking(
  context: ResourceContext,
  wanted: { eventTypeId: number; start: string; end: string; email: string },
  options: RequestOptions | undefined,
): Promise<CalComEvent | undefined> {
  const page = await listBookings(
    context,
    { attendeeEmail: wanted.email, eventTypeId: wanted.eventTypeId, afterStart: wanted.start, beforeEnd: wanted.end },
    options,
  );
  const email = wanted.email.toLowerCase();
  return page.items.find(
    (booking) =>
      booking.start === wanted.start &&
      booking.status !== 'cancelled' &&
      booking.status !== 'rejected' &&
      booking.attendees.some((attendee) => attendee.email?.toLowerCase() === email),
  );
}

/**
 * Looks for the new booking an ambiguous reschedule may have made (D7): the old booking's `rescheduledToUid`, else
 * a booking at the new time whose `rescheduledFromUid` is the old uid.
 *
 * @param context The resource context.
 * @param wanted The old uid, event type and new times.
 * @param options The per-call options.
 * @returns The new booking, if found.
 */
export async function findRescheduledBooking(
  context: ResourceContext,
  wanted: { uid: string; eventTypeId: number; start: string; end: string },
  options: RequestOptions | undefined,
): Promise<CalComEvent | undefined> {
  const old = await getBooking(context, wanted.uid, options);
  if (old.rescheduledToUid !== undefined) {
    return getBooking(context, old.rescheduledToUid, options);
  }
  const page = await listBookings(
    context,
    { eventTypeId: wanted.eventTypeId, afterStart: wanted.start, beforeEnd: wanted.end },
    options,
  );
  return page.items.find((booking) => booking.rescheduledFromUid === wanted.uid);
}
