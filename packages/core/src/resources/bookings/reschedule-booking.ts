import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import { invalidField, requireEmail, requireText, requireTime } from '../common/validate';
import type { SlotsResource } from '../slots/slots';
import { bookingResult } from './booking-result';
import type { BookingResult, RescheduleOptions } from './booking-types';
import { findRescheduledBooking } from './reconcile';
import { getBooking, postBooking } from './send-booking';
import { assertSlotFree } from './slot-check';

/** What `rescheduleEvent` uses besides the request executor. */
export interface RescheduleServices {
  /** The resource context. */
  readonly context: ResourceContext;
  /** The slots (for the free-slot check). */
  readonly slots: Pick<SlotsResource, 'listSlots'>;
}

/**
 * Moves a booking to a new start (`POST /v2/bookings/{uid}/reschedule`). Cal.com creates a new booking (new uid,
 * `rescheduledFromUid` = old uid) and cancels the old one. Checks the slot first. An ambiguous failure is never retried
 * (D6): only the reschedule of this uid to this start is looked up and returned with `verifiedByReadBack`, or
 * `CalComUnknownOutcomeError` says how to check (D7).
 *
 * @param services The context and slots.
 * @param uid The UID of the booking to move (the latest one of a reschedule chain).
 * @param newStart The new start (ISO 8601 with offset, or a `Date`).
 * @param newEnd The new end; must keep the booking's length.
 * @param options The reason, who reschedules, and the per-call options.
 * @returns The new booking and its confirmation.
 */
export async function rescheduleBooking(
  services: RescheduleServices,
  uid: string,
  newStart: string | Date,
  newEnd: string | Date | undefined,
  options: RescheduleOptions | undefined,
): Promise<BookingResult> {
  const { context } = services;
  const bookingUid = requireText(uid, 'uid', 255);
  const start = requireTime(newStart, 'newStart');
  const end = newEnd === undefined ? undefined : requireTime(newEnd, 'newEnd');
  const reason = options?.reason === undefined ? undefined : requireText(options.reason, 'reason', 5000);
  const rescheduledBy =
    options?.rescheduledBy === undefined ? undefined : requireEmail(options.rescheduledBy, 'rescheduledBy');
  if (Date.parse(start) < context.now()) {
    throw invalidField('newStart', `${start} is in the past`, 'Pick a future slot from listSlots.');
  }
  const requestOptions = requestOptionsOf(options);
  const current = await getBooking(context, bookingUid, requestOptions);
  if (current.rescheduledToUid !== undefined) {
    throw invalidField(
      'uid',
      `booking ${bookingUid} was already rescheduled to ${current.rescheduledToUid}`,
      `Reschedule the latest booking, ${current.rescheduledToUid}.`,
    );
  }
  if (current.status === 'cancelled' || current.status === 'rejected') {
    throw invalidField('uid', `booking ${bookingUid} is ${current.status}`, 'Create a new booking instead.');
  }
  const length = current.durationMinutes;
  if (end !== undefined && (Date.parse(end) - Date.parse(start)) / 60_000 !== length) {
    throw invalidField(
      'newEnd',
      `newStart to newEnd is ${(Date.parse(end) - Date.parse(start)) / 60_000} minutes but the booking lasts ${length}`,
      'Leave newEnd out, or keep the same length (Cal.com keeps the length when rescheduling).',
    );
  }
  const bookingEnd = new Date(Date.parse(start) + length * 60_000).toISOString();
  await assertSlotFree(
    context,
    services.slots,
    {
      eventTypeId: current.eventTypeId,
      start,
      timeZone: current.attendees[0]?.timeZone ?? 'UTC',
      duration: length,
      bookingUidToReschedule: bookingUid,
    },
    requestOptions,
  );

  const body: Record<string, unknown> = { start };
  if (reason !== undefined) body.reschedulingReason = reason;
  if (rescheduledBy !== undefined) body.rescheduledBy = rescheduledBy;
  const outcome = await sendCreatingWrite({
    send: () => postBooking(context, `/bookings/${pathParam(bookingUid)}/reschedule`, body, 'create', requestOptions),
    find: () =>
      findRescheduledBooking(
        context,
        { uid: bookingUid, eventTypeId: current.eventTypeId, start, end: bookingEnd },
        requestOptions,
      ),
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `The reschedule of booking ${bookingUid} to ${start} failed after it was sent, and no new booking was found yet, so it may or may not have moved.`,
        `Check with getBooking("${bookingUid}"): if it has rescheduledToUid, that is the new booking; otherwise reschedule again.`,
        cause,
      ),
  });
  return bookingResult(context.baseUrl, outcome.value, outcome.verifiedByReadBack);
}

/**
 * Keeps only the request options of the reschedule options.
 *
 * @param options The reschedule options.
 * @returns The request options.
 */
function requestOptionsOf(options: RescheduleOptions | undefined): RequestOptions | undefined {
  if (options === undefined) return undefined;
  const { reason: _reason, rescheduledBy: _rescheduledBy, ...requestOptions } = options;
  return requestOptions;
}
