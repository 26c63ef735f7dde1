import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { sendRepeatableWrite } from '../common/read-back';
import { reasonOf } from './booking-input';
import { getBooking, isRefusal, postBooking, unknownStatus } from './booking-requests';
import { cancellation } from './booking-result';
import type { CancelBookingInput, CancellationResult } from './booking-types';

// Seated bookings (docs/CALCOM-API.md §7.5): a booking found by one of its seats, and an attendee cancelling a seat.

/** The body of `cal.bookings.getBySeat`: `GET /v2/bookings/by-seat/{seatUid}`. */
export async function getBySeat(
  context: ResourceContext,
  seatUid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const seat = uidParam(seatUid, 'seatUid');
  const result = await context.executor.execute(
    {
      method: 'GET',
      path: `/bookings/by-seat/${pathParam(seat, 'seatUid')}`,
      resource: 'bookings',
      retry: 'idempotent',
      schema: CalComEventSchema,
    },
    options,
  );
  return { ...result.data, seatUid: seat };
}

/**
 * The body of `cal.bookings.cancel` with `seatUid`: `{ seatUid, cancellationReason? }` removes that seat only; the
 * booking stays for the other seats. After an ambiguous failure the booking is read back: the seat gone →
 * `verifiedByReadBack`. A booking already cancelled comes back with `alreadyCancelled: true` and nothing is sent.
 */
export async function cancelSeat(
  context: ResourceContext,
  uid: string,
  seatUid: string,
  params: CancelBookingInput,
  options: RequestOptions | undefined,
): Promise<CancellationResult> {
  const bookingUid = uidParam(uid, 'uid');
  const seat = uidParam(seatUid, 'seatUid');
  const reason = reasonOf(params);
  const current = await getBooking(context, bookingUid, options);
  if (current.status === 'cancelled') return { ...cancellation(current, true, false, reason), seatUid: seat };
  const body = { seatUid: seat, ...(reason === undefined ? {} : { cancellationReason: reason }) };
  const outcome = await sendRepeatableWrite({
    send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/cancel`, body, retry, options),
    readBack: async () => {
      const after = await getBooking(context, bookingUid, options);
      const held = after.attendees.some((attendee) => attendee.seatUid === seat);
      return held ? { state: 'not-done' } : { state: 'done', value: after };
    },
    refusalMayBeOurs: isRefusal,
    unknownOutcome: (cause) => unknownStatus(bookingUid, `cancel of seat ${seat}`, 'cancelled', cause),
  });
  return { ...cancellation(outcome.value, false, outcome.verifiedByReadBack, reason), seatUid: seat };
}
