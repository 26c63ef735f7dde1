import type { CalComEvent } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { sendRepeatableWrite } from '../common/read-back';
import { reasonOf } from './booking-input';
import { getBooking, isRefusal, postBooking, readBackStatus, unknownStatus } from './booking-requests';
import { cancellation } from './booking-result';
import type { CancelBookingInput, CancellationResult, DeclineBookingInput } from './booking-types';

// The status changes of a booking (cancel, confirm, decline): repeatable writes, read back after an ambiguous failure.
// Each is documented on its `cal.bookings` method.

/** The body of `cal.bookings.cancel`. */
export async function cancelBooking(
  context: ResourceContext,
  uid: string,
  params: CancelBookingInput,
  options: RequestOptions | undefined,
  prefetched?: CalComEvent,
): Promise<CancellationResult> {
  const bookingUid = uidParam(uid, 'uid');
  const reason = reasonOf(params);
  const current = prefetched ?? (await getBooking(context, bookingUid, options));
  if (current.status === 'cancelled') {
    return cancellation(current, true, false);
  }
  let sends = 0;
  try {
    const outcome = await sendRepeatableWrite({
      send: (retry) => {
        sends += 1;
        return postBooking(
          context,
          `/bookings/${pathParam(bookingUid)}/cancel`,
          reason === undefined ? {} : { cancellationReason: reason },
          retry,
          options,
        );
      },
      readBack: () => readBackStatus(context, bookingUid, 'cancelled', options),
      refusalMayBeOurs: isRefusal,
      unknownOutcome: (cause) => unknownStatus(bookingUid, 'cancel', 'cancelled', cause),
    });
    return cancellation(outcome.value, false, outcome.verifiedByReadBack, reason);
  } catch (error) {
    // Cal.com refused our one and only cancel (400): another caller cancelled it after we read it. Nothing of ours
    // was applied, so "already cancelled" is known. After an ambiguous send a refusal may be our own doing; the
    // read-back in sendRepeatableWrite has decided those.
    if (sends !== 1 || !isRefusal(error)) throw error;
    const after = await getBooking(context, bookingUid, options);
    if (after.status !== 'cancelled') throw error;
    return cancellation(after, true, false);
  }
}

/** The body of `cal.bookings.confirm`. */
export async function confirmBooking(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = uidParam(uid, 'uid');
  const outcome = await sendRepeatableWrite({
    send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/confirm`, undefined, retry, options),
    readBack: () => readBackStatus(context, bookingUid, 'accepted', options),
    refusalMayBeOurs: isRefusal,
    unknownOutcome: (cause) => unknownStatus(bookingUid, 'confirm', 'accepted', cause),
  });
  return outcome.value;
}

/** The body of `cal.bookings.decline`. */
export async function declineBooking(
  context: ResourceContext,
  uid: string,
  params: DeclineBookingInput,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = uidParam(uid, 'uid');
  const reason = reasonOf(params);
  const body = reason === undefined ? {} : { reason };
  const outcome = await sendRepeatableWrite({
    send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/decline`, body, retry, options),
    readBack: () => readBackStatus(context, bookingUid, 'rejected', options),
    refusalMayBeOurs: isRefusal,
    unknownOutcome: (cause) => unknownStatus(bookingUid, 'decline', 'rejected', cause),
  });
  return outcome.value;
}
