import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, formatOccurrences, summarizeBooking, summarizeOccurrences } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, describeEmailFlag, EMAILS_ARE_AUTOMATIC, emailFlagSchema, NoteSchema } from '../../schemas';

/** What the text adds when Cal.com's answer was lost and reading the booking back showed the cancel. */
const READ_BACK_NOTE =
  "Cal.com's answer was lost (it failed after the request was sent), so the booking was read back: it is cancelled. Do not cancel it again.";

/** Cancels a booking. */
export const cancelBooking = defineTool({
  name: 'cancel_booking',
  description:
    'Cancels a booking by uid, with an optional reason that Cal.com shows to the attendees. Cancelling an already cancelled booking changes nothing. ' +
    `send_notification: ${EMAILS_ARE_AUTOMATIC} ` +
    'Destructive: always ask the user to confirm which booking before calling. ' +
    'WORKFLOW: list_bookings or get_booking to find and show the booking → user confirms → cancel_booking.',
  input: v.strictObject({
    booking_id: v.pipe(
      BookingUidSchema,
      v.description('The uid of the booking to cancel, or of a recurring series (all occurrences).'),
    ),
    cancellation_reason: v.optional(v.pipe(NoteSchema, v.description('Why, shown to the attendees.'))),
    send_notification: emailFlagSchema('the cancellation emails'),
    cancel_following: v.optional(v.pipe(v.boolean(), v.description('Recurring: also cancel the later occurrences.'))),
    seat_uid: v.optional(v.pipe(BookingUidSchema, v.description("Seated: cancel only this attendee's seat."))),
  }),
  annotations: {
    title: 'Cancel booking',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: {
    uid: 'booking_id',
    reason: 'cancellation_reason',
    cancelSubsequent: 'cancel_following',
    seatUid: 'seat_uid',
  },
  async handler(input, context) {
    const result = await context.client.bookings.cancel(
      input.booking_id,
      {
        ...(input.cancellation_reason === undefined ? {} : { reason: input.cancellation_reason }),
        ...(input.cancel_following === undefined ? {} : { cancelSubsequent: input.cancel_following }),
        ...(input.seat_uid === undefined ? {} : { seatUid: input.seat_uid }),
      },
      requestOptions(context),
    );
    const what =
      result.seatUid === undefined
        ? `booking uid ${result.uid}`
        : `seat ${result.seatUid} of booking uid ${result.uid}`;
    const series = result.occurrences === undefined ? [] : formatOccurrences(result.occurrences);
    const headline = result.alreadyCancelled
      ? `${what[0]?.toUpperCase()}${what.slice(1)} was already cancelled; nothing changed and no emails were sent.`
      : `Cancelled ${what}${result.reason ? ` (reason: ${result.reason})` : ''}.${result.verifiedByReadBack ? ` ${READ_BACK_NOTE}` : ''}`;
    const emails = result.alreadyCancelled
      ? ''
      : `\n${describeEmailFlag(input.send_notification, 'the cancellation emails')}`;
    return {
      text: [headline, ...(series.length > 0 ? series : [formatBookingLine(result.booking)])].join('\n') + emails,
      structured: {
        uid: result.uid,
        status: result.status,
        reason: result.reason,
        alreadyCancelled: result.alreadyCancelled,
        verifiedByReadBack: result.verifiedByReadBack,
        booking: summarizeBooking(result.booking),
        ...(result.seatUid === undefined ? {} : { seatUid: result.seatUid }),
        ...(result.occurrences === undefined ? {} : { occurrences: summarizeOccurrences(result.occurrences) }),
        sendNotification: { requested: input.send_notification ?? null, honoured: false, reason: EMAILS_ARE_AUTOMATIC },
      },
    };
  },
});
