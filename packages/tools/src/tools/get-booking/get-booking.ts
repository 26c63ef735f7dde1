import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatBookingLine, summarizeBooking, UNTRUSTED_TEXT_NOTE } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, crossFieldCheck } from '../../schemas';

/** Gets one booking. */
export const getBooking = defineTool({
  name: 'get_booking',
  description:
    'Gets one Cal.com booking by its uid (or one seat of a seated booking by seat_uid): status, times in UTC and local, attendees, hosts, location and, if it was rescheduled, the uid that replaced it. ' +
    'Use it to check a booking before changing it, or to verify that a write went through. ' +
    `${UNTRUSTED_TEXT_NOTE} ` +
    'WORKFLOW: take booking_id (the uid) from list_bookings or create_booking; if it shows "rescheduled to uid X", act on X.',
  input: v.pipe(
    v.strictObject({
      booking_id: v.optional(v.pipe(BookingUidSchema, v.description('The booking uid (not the numeric id).'))),
      seat_uid: v.optional(v.pipe(BookingUidSchema, v.description('Or a seat uid of a seated booking.'))),
    }),
    crossFieldCheck((input) => {
      if (input.booking_id !== undefined && input.seat_uid !== undefined) {
        return { field: 'seat_uid', message: 'give booking_id or seat_uid, not both' };
      }
      return input.booking_id === undefined && input.seat_uid === undefined
        ? { field: 'booking_id', message: 'missing: give booking_id (or seat_uid for one seat of a seated booking)' }
        : undefined;
    }),
  ),
  annotations: readOnlyAnnotations('Get booking'),
  coreFields: { uid: 'booking_id', seatUid: 'seat_uid' },
  async handler(input, context) {
    const booking =
      input.seat_uid === undefined
        ? await context.client.bookings.get(input.booking_id ?? '', requestOptions(context))
        : await context.client.bookings.getBySeat(input.seat_uid, requestOptions(context));
    return { text: formatBookingLine(booking), structured: { booking: summarizeBooking(booking) } };
  },
});
