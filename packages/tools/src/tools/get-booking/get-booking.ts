import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatBookingLine, summarizeBooking, UNTRUSTED_TEXT_NOTE } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema } from '../../schemas';

/** Gets one booking. */
export const getBooking = defineTool({
  name: 'get_booking',
  description:
    'Gets one Cal.com booking by its uid: status, times in UTC and local, attendees, hosts, location and, if it was rescheduled, the uid that replaced it. ' +
    'Use it to check a booking before changing it, or to verify that a write went through. ' +
    `${UNTRUSTED_TEXT_NOTE} ` +
    'WORKFLOW: take booking_id (the uid) from list_bookings or create_booking; if it shows "rescheduled to uid X", act on X.',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The booking uid (not the numeric id).')),
  }),
  annotations: readOnlyAnnotations('Get booking'),
  coreFields: { uid: 'booking_id' },
  async handler(input, context) {
    const booking = await context.client.bookings.get(input.booking_id, requestOptions(context));
    return { text: formatBookingLine(booking), structured: { booking: summarizeBooking(booking) } };
  },
});
