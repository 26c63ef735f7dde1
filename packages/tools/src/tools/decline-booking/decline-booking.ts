import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, summarizeBooking } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, NoteSchema } from '../../schemas';

/** Declines a booking that awaits the host's confirmation. */
export const declineBooking = defineTool({
  name: 'decline_booking',
  description:
    'Declines (rejects) a booking that awaits your confirmation as host, with an optional reason shown to the attendees. ' +
    'It cannot be undone and Cal.com emails the attendees on its own. Destructive: ask the user to confirm first. ' +
    'WORKFLOW: list_bookings(status tentative) → user confirms → decline_booking(booking_id, reason).',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The uid of the pending booking.')),
    reason: v.optional(v.pipe(NoteSchema, v.description('Why, shown to the attendees.'))),
  }),
  annotations: {
    title: 'Decline booking',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: { uid: 'booking_id', reason: 'reason' },
  async handler(input, context) {
    const booking = await context.client.bookings.decline(
      input.booking_id,
      input.reason === undefined ? {} : { reason: input.reason },
      requestOptions(context),
    );
    return {
      text: `Declined booking uid ${booking.uid}, status ${booking.status}.\n${formatBookingLine(booking)}`,
      structured: { booking: summarizeBooking(booking) },
    };
  },
});
