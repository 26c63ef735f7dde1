import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, summarizeBooking } from '../../format';
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
    booking_id: v.pipe(BookingUidSchema, v.description('The uid of the booking to cancel.')),
    cancellation_reason: v.optional(v.pipe(NoteSchema, v.description('Why, shown to the attendees.'))),
    send_notification: emailFlagSchema('the cancellation emails'),
  }),
  annotations: {
    title: 'Cancel booking',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { uid: 'booking_id', reason: 'cancellation_reason' },
  async handler(input, context) {
    const result = await context.client.bookings.cancel(
      input.booking_id,
      input.cancellation_reason === undefined ? {} : { reason: input.cancellation_reason },
      requestOptions(context),
    );
    const headline = result.alreadyCancelled
      ? `Booking uid ${result.uid} was already cancelled; nothing changed and no emails were sent.`
      : `Cancelled booking uid ${result.uid}${result.reason ? ` (reason: ${result.reason})` : ''}.${result.verifiedByReadBack ? ` ${READ_BACK_NOTE}` : ''}`;
    const emails = result.alreadyCancelled
      ? ''
      : `\n${describeEmailFlag(input.send_notification, 'the cancellation emails')}`;
    return {
      text: `${headline}\n${formatBookingLine(result.booking)}${emails}`,
      structured: {
        uid: result.uid,
        status: result.status,
        reason: result.reason,
        alreadyCancelled: result.alreadyCancelled,
        verifiedByReadBack: result.verifiedByReadBack,
        booking: summarizeBooking(result.booking),
        sendNotification: { requested: input.send_notification ?? null, honoured: false, reason: EMAILS_ARE_AUTOMATIC },
      },
    };
  },
});
