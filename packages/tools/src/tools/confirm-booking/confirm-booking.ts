import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, summarizeBooking } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema } from '../../schemas';

/** Confirms a booking that awaits the host's confirmation. */
export const confirmBooking = defineTool({
  name: 'confirm_booking',
  description:
    'Confirms (accepts) a booking that awaits your confirmation as host (status pending, shown as tentative by list_bookings). ' +
    'Cal.com then emails the attendees on its own. ' +
    'WORKFLOW: list_bookings(status tentative) → user picks one → confirm_booking(booking_id).',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The uid of the pending booking.')),
  }),
  annotations: {
    title: 'Confirm booking',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { uid: 'booking_id' },
  async handler(input, context) {
    const booking = await context.client.bookings.confirm(input.booking_id, requestOptions(context));
    return {
      text: `Confirmed booking uid ${booking.uid}, status ${booking.status}.\n${formatBookingLine(booking)}`,
      structured: { booking: summarizeBooking(booking) },
    };
  },
});
