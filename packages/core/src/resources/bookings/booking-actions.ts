import { CalComConflictError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import type { BookingStatus, CalComEvent } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { type ReadBack, sendRepeatableWrite } from '../common/read-back';
import { requireText } from '../common/validate';
import type { CancellationResult } from './booking-types';
import { getBooking, postBooking } from './send-booking';

/**
 * Cancels a booking (`POST /v2/bookings/{uid}/cancel`). Idempotent: a booking that is cancelled before the call is
 * returned with `alreadyCancelled: true` and nothing is sent. After an ambiguous failure (timeout, reset, 5xx or an
 * unreadable answer) the booking is read back instead of retrying blindly: cancelled → success with
 * `verifiedByReadBack: true` (and `alreadyCancelled: false`: this call cancelled it); still active → the cancel is sent
 * again; unknown → `CalComUnknownOutcomeError`.
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param reason The cancellation reason.
 * @param options The per-call options.
 * @returns The cancellation confirmation and how it was confirmed.
 */
export async function cancelBooking(
  context: ResourceContext,
  uid: string,
  reason: string | undefined,
  options: RequestOptions | undefined,
): Promise<CancellationResult> {
  const bookingUid = requireText(uid, 'uid', 255);
  const cancellationReason = reason === undefined ? undefined : requireText(reason, 'reason', 5000);
  const current = await getBooking(context, bookingUid, options);
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
          cancellationReason === undefined ? {} : { cancellationReason },
          retry,
          options,
        );
      },
      readBack: () => readBackStatus(context, bookingUid, 'cancelled', options),
      refusalMayBeOurs: isRefusal,
      unknownOutcome: (cause) => unknownStatus(bookingUid, 'cancel', 'cancelled', cause),
    });
    return cancellation(outcome.value, false, outcome.verifiedByReadBack, cancellationReason);
  } catch (error) {
    // Cal.com refused our one and only cancel (400): another caller cancelled it after we read it. Nothing of ours was
    // applied, so "already cancelled" is known. After an ambiguous send a refusal may be our own doing; the read-back
    // in sendRepeatableWrite has decided those.
    if (sends !== 1 || !isRefusal(error)) throw error;
    const after = await getBooking(context, bookingUid, options);
    if (after.status !== 'cancelled') throw error;
    return cancellation(after, true, false);
  }
}

/**
 * Confirms a booking that awaits the host's confirmation (`POST /v2/bookings/{uid}/confirm`). After an ambiguous
 * failure the booking is read back: accepted → it is returned; still pending → the confirm is sent again; unknown →
 * `CalComUnknownOutcomeError`. Never answers "rejected, fix the fields" for a confirm that went through.
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param options The per-call options.
 * @returns The confirmed booking (as Cal.com answered it, or as read back).
 */
export async function confirmBooking(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = requireText(uid, 'uid', 255);
  const outcome = await sendRepeatableWrite({
    send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/confirm`, undefined, retry, options),
    readBack: () => readBackStatus(context, bookingUid, 'accepted', options),
    refusalMayBeOurs: isRefusal,
    unknownOutcome: (cause) => unknownStatus(bookingUid, 'confirm', 'accepted', cause),
  });
  return outcome.value;
}

/**
 * Declines a booking that awaits the host's confirmation (`POST /v2/bookings/{uid}/decline`). After an ambiguous
 * failure the booking is read back: rejected → it is returned; still pending → the decline is sent again; unknown →
 * `CalComUnknownOutcomeError`.
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param reason The reason shown to the attendee.
 * @param options The per-call options.
 * @returns The declined booking (as Cal.com answered it, or as read back).
 */
export async function declineBooking(
  context: ResourceContext,
  uid: string,
  reason: string | undefined,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = requireText(uid, 'uid', 255);
  const body = reason === undefined ? {} : { reason: requireText(reason, 'reason', 5000) };
  const outcome = await sendRepeatableWrite({
    send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/decline`, body, retry, options),
    readBack: () => readBackStatus(context, bookingUid, 'rejected', options),
    refusalMayBeOurs: isRefusal,
    unknownOutcome: (cause) => unknownStatus(bookingUid, 'decline', 'rejected', cause),
  });
  return outcome.value;
}

/**
 * Reads a booking back and tells whether it has the status a write wanted.
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param wanted The status the write sets.
 * @param options The per-call options.
 * @returns Done with the booking, or not done.
 */
async function readBackStatus(
  context: ResourceContext,
  uid: string,
  wanted: BookingStatus,
  options: RequestOptions | undefined,
): Promise<ReadBack<CalComEvent>> {
  const booking = await getBooking(context, uid, options);
  return booking.status === wanted ? { state: 'done', value: booking } : { state: 'not-done' };
}

/**
 * Tells whether Cal.com refused a booking action because of the booking's state (400/422, or 409): the answer a
 * repeated cancel, confirm or decline gets once the first one went through.
 *
 * @param error The error.
 * @returns Whether it is such a refusal.
 */
function isRefusal(error: unknown): boolean {
  return (error instanceof CalComValidationError && error.status !== undefined) || error instanceof CalComConflictError;
}

/**
 * Builds the error of a booking action whose outcome could not be told.
 *
 * @param uid The booking UID.
 * @param action The action (`cancel`, `confirm`, `decline`).
 * @param status The status the action sets.
 * @param cause The failure that made the outcome ambiguous.
 * @returns The error.
 */
function unknownStatus(uid: string, action: string, status: BookingStatus, cause: unknown): CalComUnknownOutcomeError {
  return new CalComUnknownOutcomeError(
    `The ${action} of booking ${uid} failed after it was sent, and reading the booking back did not show it ${status}, so it may or may not have happened.`,
    `Check with getBooking("${uid}"): status "${status}" means it happened; otherwise ${action} it again.`,
    cause,
  );
}

/**
 * Builds a cancellation result.
 *
 * @param booking The cancelled booking.
 * @param alreadyCancelled Whether it was cancelled before this call.
 * @param verifiedByReadBack Whether the cancel was seen by reading the booking back after Cal.com's answer was lost.
 * @param reason The reason given now.
 * @returns The result.
 */
function cancellation(
  booking: CalComEvent,
  alreadyCancelled: boolean,
  verifiedByReadBack: boolean,
  reason?: string,
): CancellationResult {
  return {
    uid: booking.uid,
    status: 'cancelled',
    reason: reason ?? booking.cancellationReason ?? null,
    alreadyCancelled,
    verifiedByReadBack,
    booking,
  };
}
