import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import { invalidField } from '../common/validate';
import type { SlotsResource } from '../slots/slots';
import { checkRescheduleInput } from './booking-input';
import { getBooking, postBooking } from './booking-requests';
import { bookingResult } from './booking-result';
import type { BookingResult, RescheduleBookingInput } from './booking-types';
import { findRescheduledBooking } from './reconcile';
import { assertSlotFree } from './slot-check';

/** The body of `cal.bookings.reschedule` (documented there): checks the move, the slot, then sends it once. */
export async function rescheduleBooking(
  context: ResourceContext,
  slots: Pick<SlotsResource, 'list'>,
  uid: string,
  params: RescheduleBookingInput,
  options: RequestOptions | undefined,
): Promise<BookingResult> {
  const bookingUid = uidParam(uid, 'uid');
  const { start, end, reason, rescheduledBy } = checkRescheduleInput(params, context.now());
  const current = await getBooking(context, bookingUid, options);
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
      'end',
      `the start to the end is ${(Date.parse(end) - Date.parse(start)) / 60_000} minutes, but the booking lasts ${length}`,
      'Leave the end out, or keep the same length (Cal.com keeps the length when rescheduling).',
    );
  }
  const bookingEnd = new Date(Date.parse(start) + length * 60_000).toISOString();
  await assertSlotFree(
    context,
    slots,
    {
      eventTypeId: current.eventTypeId,
      start,
      timeZone: current.attendees[0]?.timeZone ?? 'UTC',
      duration: length,
      bookingUidToReschedule: bookingUid,
    },
    options,
  );

  const body: Record<string, unknown> = { start };
  if (reason !== undefined) body.reschedulingReason = reason;
  if (rescheduledBy !== undefined) body.rescheduledBy = rescheduledBy;
  const outcome = await sendCreatingWrite({
    send: () => postBooking(context, `/bookings/${pathParam(bookingUid)}/reschedule`, body, 'create', options),
    find: () =>
      findRescheduledBooking(
        context,
        { uid: bookingUid, eventTypeId: current.eventTypeId, start, end: bookingEnd },
        options,
      ),
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `The reschedule of booking ${bookingUid} to ${start} failed after it was sent, and no new booking was found yet, so it may or may not have moved.`,
        {
          operation: 'bookings.get',
          params: { uid: bookingUid },
          meaning:
            ': if it shows the booking rescheduled to a new uid, that is the new booking; otherwise reschedule again.',
        },
        cause,
      ),
  });
  return bookingResult(context.baseUrl, outcome.value, outcome.verifiedByReadBack);
}
