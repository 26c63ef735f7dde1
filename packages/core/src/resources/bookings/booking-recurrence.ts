import type { CalComEvent } from '../../models/booking';
import type { EventType } from '../../models/event-type';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { sendRepeatableWrite } from '../common/read-back';
import { describeValue, invalidField } from '../common/validate';
import { reasonOf } from './booking-input';
import { BookingOrSeriesSchema, getBookingOrSeries, isRefusal, unknownStatus } from './booking-requests';
import { bookingResult, cancellation } from './booking-result';
import type { BookingResult, CancelBookingInput, CancellationResult } from './booking-types';
import { findCreatedBooking } from './reconcile';

// Recurring bookings (docs/CALCOM-API.md §7.5): create with `recurrenceCount`, the occurrences of a series, and the
// cancels that reach several occurrences (the series uid, `cancelSubsequentBookings`).

/**
 * Checks `recurrenceCount` against the event type before sending: a whole number from 1 to the event type's
 * `recurrence.occurrences`, and only for a recurring event type.
 *
 * @returns The count to send, or `undefined` when none was given.
 */
export function checkRecurrenceCount(value: unknown, eventType: EventType): number | undefined {
  if (value === undefined) return undefined;
  const recurrence = eventType.recurrence;
  if (recurrence === undefined) {
    throw invalidField(
      'recurrenceCount',
      `event type ${eventType.id} ("${eventType.title}") does not repeat`,
      'Leave it out, or book a recurring event type.',
    );
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > recurrence.occurrences) {
    throw invalidField(
      'recurrenceCount',
      `${describeValue(value)} is not a whole number from 1 to ${recurrence.occurrences} (the most occurrences event type ${eventType.id} allows)`,
      `Pass 1 to ${recurrence.occurrences}, or leave it out for ${recurrence.occurrences}.`,
    );
  }
  return value;
}

/** `POST /v2/bookings`: the booking, or every occurrence of a recurring one (sent once, `retry: 'create'`). */
export async function postCreate(
  context: ResourceContext,
  body: unknown,
  options: RequestOptions | undefined,
): Promise<CalComEvent[]> {
  const result = await context.executor.execute(
    { method: 'POST', path: '/bookings', body, resource: 'bookings', retry: 'create', schema: BookingOrSeriesSchema },
    options,
  );
  return Array.isArray(result.data) ? result.data : [result.data];
}

/** The body of `cal.bookings.listOccurrences`: the series of a series uid or of one occurrence's uid. */
export async function listOccurrences(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent[]> {
  const got = await getBookingOrSeries(context, uid, options);
  if (Array.isArray(got)) return got;
  if (got.recurringBookingUid === undefined) {
    throw invalidField(
      'uid',
      `booking ${got.uid} is not an occurrence of a recurring booking`,
      'Use cal.bookings.get for a single booking.',
    );
  }
  const series = await getBookingOrSeries(context, got.recurringBookingUid, options);
  return Array.isArray(series) ? series : [series];
}

/**
 * The result of a create: the booking and, for a recurring booking, every occurrence (the first is the booking).
 *
 * @param bookings What Cal.com answered (one booking, or the occurrences), never empty.
 */
export function createdResult(baseUrl: string, bookings: readonly CalComEvent[], verified: boolean): BookingResult {
  const [first = bookings[0] as CalComEvent] = bookings;
  const result = bookingResult(baseUrl, first, verified);
  return first.recurringBookingUid === undefined ? result : { ...result, occurrences: bookings };
}

/**
 * Looks for what an ambiguous create made (D7): the first occurrence (or the booking) by event type, start and
 * email, then the rest of its series; a seated booking gets the booker's `seatUid` back from their attendee entry.
 */
export async function findCreated(
  context: ResourceContext,
  wanted: { eventTypeId: number; start: string; end: string; email: string },
  options: RequestOptions | undefined,
): Promise<CalComEvent[] | undefined> {
  const found = await findCreatedBooking(context, wanted, options);
  if (found === undefined) return undefined;
  const seat = found.attendees.find((attendee) => attendee.email?.toLowerCase() === wanted.email.toLowerCase());
  const booking = seat?.seatUid === undefined ? found : { ...found, seatUid: seat.seatUid };
  if (booking.recurringBookingUid === undefined) return [booking];
  const series = await listOccurrences(context, booking.recurringBookingUid, options);
  return series.map((occurrence) => (occurrence.uid === booking.uid ? booking : occurrence));
}

const isActive = (booking: CalComEvent) => booking.status !== 'cancelled' && booking.status !== 'rejected';

/**
 * The body of `cal.bookings.cancel` for a recurring series' uid (every occurrence) or with `cancelSubsequent` (this
 * occurrence and the later ones). Refused before sending for a booking that is not an occurrence (Cal.com would cancel
 * it and then answer 400). After an ambiguous failure the series is read back: every targeted occurrence cancelled →
 * `verifiedByReadBack`.
 *
 * @param current What `GET` of `uid` answered.
 */
export async function cancelOccurrences(
  context: ResourceContext,
  uid: string,
  current: CalComEvent | CalComEvent[],
  params: CancelBookingInput,
  options: RequestOptions | undefined,
): Promise<CancellationResult> {
  const reason = reasonOf(params);
  const whole = Array.isArray(current);
  const series = whole ? uid : current.recurringBookingUid;
  if (series === undefined) {
    throw invalidField(
      'cancelSubsequent',
      `booking ${uid} is not an occurrence of a recurring booking`,
      'Leave it out to cancel just this booking.',
    );
  }
  const from = whole ? Number.NEGATIVE_INFINITY : Date.parse(current.start);
  const targeted = (occurrences: CalComEvent[]) =>
    occurrences.filter((occurrence) => Date.parse(occurrence.start) >= from);
  const result = (occurrences: CalComEvent[], alreadyCancelled: boolean, verified: boolean) => {
    const own = whole ? occurrences[0] : occurrences.find((occurrence) => occurrence.uid === uid);
    return {
      ...cancellation(own ?? occurrences[0] ?? (current as CalComEvent), alreadyCancelled, verified, reason),
      uid,
      occurrences,
    };
  };
  const before = whole ? current : await listOccurrences(context, series, options);
  if (targeted(before).every((occurrence) => !isActive(occurrence))) return result(before, true, false);
  const body = {
    ...(reason === undefined ? {} : { cancellationReason: reason }),
    ...(whole ? {} : { cancelSubsequentBookings: true }),
  };
  const outcome = await sendRepeatableWrite({
    send: async (retry) => {
      const answer = await context.executor.execute(
        {
          method: 'POST',
          path: `/bookings/${pathParam(uid)}/cancel`,
          body,
          resource: 'bookings',
          retry,
          schema: BookingOrSeriesSchema,
        },
        options,
      );
      return Array.isArray(answer.data) ? answer.data : await listOccurrences(context, series, options);
    },
    readBack: async () => {
      const after = await listOccurrences(context, series, options);
      return targeted(after).some(isActive) ? { state: 'not-done' } : { state: 'done', value: after };
    },
    refusalMayBeOurs: isRefusal,
    unknownOutcome: (cause) => unknownStatus(uid, 'cancel', 'cancelled', cause),
  });
  return result(outcome.value, false, outcome.verifiedByReadBack);
}
