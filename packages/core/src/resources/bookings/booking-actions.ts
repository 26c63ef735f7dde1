import { CalComValidationError } from '../../errors/validation-error';
import type { CalComEvent, CancellationConfirmation } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { requireText } from '../common/validate';
import { getBooking, postBooking } from './send-booking';

/**
 * Cancels a booking (`POST /v2/bookings/{uid}/cancel`). Idempotent: an already cancelled booking is returned with
 * `alreadyCancelled: true` and nothing is sent.
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param reason The cancellation reason.
 * @param options The per-call options.
 * @returns The cancellation confirmation.
 */
export async function cancelBooking(
  context: ResourceContext,
  uid: string,
  reason: string | undefined,
  options: RequestOptions | undefined,
): Promise<CancellationConfirmation> {
  const bookingUid = requireText(uid, 'uid', 255);
  const cancellationReason = reason === undefined ? undefined : requireText(reason, 'reason', 5000);
  const current = await getBooking(context, bookingUid, options);
  if (current.status === 'cancelled') {
    return cancellation(current, true);
  }
  try {
    const booking = await postBooking(
      context,
      `/bookings/${pathParam(bookingUid)}/cancel`,
      cancellationReason === undefined ? {} : { cancellationReason },
      'idempotent',
      options,
    );
    return cancellation(booking, false, cancellationReason);
  } catch (error) {
    if (!(error instanceof CalComValidationError) || error.status === undefined) throw error;
    // Another caller may have cancelled it in between: Cal.com then answers 400.
    const after = await getBooking(context, bookingUid, options);
    if (after.status !== 'cancelled') throw error;
    return cancellation(after, true);
  }
}

/**
 * Confirms a booking that awaits the host's confirmation (`POST /v2/bookings/{uid}/confirm`).
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param options The per-call options.
 * @returns The confirmed booking.
 */
export async function confirmBooking(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = requireText(uid, 'uid', 255);
  return postBooking(context, `/bookings/${pathParam(bookingUid)}/confirm`, undefined, 'idempotent', options);
}

/**
 * Declines a booking that awaits the host's confirmation (`POST /v2/bookings/{uid}/decline`).
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param reason The reason shown to the attendee.
 * @param options The per-call options.
 * @returns The declined booking.
 */
export async function declineBooking(
  context: ResourceContext,
  uid: string,
  reason: string | undefined,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = requireText(uid, 'uid', 255);
  const body = reason === undefined ? {} : { reason: requireText(reason, 'reason', 5000) };
  return postBooking(context, `/bookings/${pathParam(bookingUid)}/decline`, body, 'idempotent', options);
}

/**
 * Builds a cancellation confirmation.
 *
 * @param booking The cancelled booking.
 * @param alreadyCancelled Whether it was cancelled before this call.
 * @param reason The reason given now.
 * @returns The confirmation.
 */
function cancellation(booking: CalComEvent, alreadyCancelled: boolean, reason?: string): CancellationConfirmation {
  return {
    uid: booking.uid,
    status: 'cancelled',
    reason: reason ?? booking.cancellationReason ?? null,
    alreadyCancelled,
    booking,
  };
}
