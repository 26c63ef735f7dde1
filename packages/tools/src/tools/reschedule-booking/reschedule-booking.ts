import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, summarizeBooking } from '../../format';
import { requestOptions } from '../../request-options';
import {
  BookingUidSchema,
  DateTimeSchema,
  describeEmailFlag,
  EMAILS_ARE_AUTOMATIC,
  emailFlagSchema,
  rangeCheck,
} from '../../schemas';

/** Reschedules a booking. */
export const rescheduleBooking = defineTool({
  name: 'reschedule_booking',
  description:
    'Moves a booking to a new time. Cal.com replaces it: the result has a NEW booking uid and the old one is cancelled, so use the new uid afterwards. ' +
    'Times are ISO 8601 with an offset or Z. ' +
    `send_notification: ${EMAILS_ARE_AUTOMATIC} ` +
    'Destructive and not idempotent: ask the user to confirm first; if the result is unclear, check get_booking before trying again. ' +
    'WORKFLOW: get_booking → list_availability(event_type_id) → confirm with the user → reschedule_booking with a returned start.',
  input: v.pipe(
    v.strictObject({
      booking_id: v.pipe(BookingUidSchema, v.description('The uid of the booking to move (its latest uid).')),
      new_start_time: v.pipe(DateTimeSchema, v.description('New start, e.g. 2026-11-27T14:00:00Z.')),
      new_end_time: v.pipe(DateTimeSchema, v.description('New end, e.g. 2026-11-27T14:30:00Z.')),
      send_notification: emailFlagSchema('the reschedule emails'),
    }),
    rangeCheck({ start: 'new_start_time', end: 'new_end_time', maxDays: 1 }),
  ),
  annotations: {
    title: 'Reschedule booking',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: { uid: 'booking_id', start: 'new_start_time', end: 'new_end_time' },
  async handler(input, context) {
    const { booking, confirmation, verifiedByReadBack } = await context.client.bookings.reschedule(
      input.booking_id,
      { start: input.new_start_time, ...(input.new_end_time === undefined ? {} : { end: input.new_end_time }) },
      requestOptions(context),
    );
    const text = [
      `Rescheduled: booking uid ${input.booking_id} is replaced by the new uid ${booking.uid} (id ${booking.id}), status ${booking.status}.${
        verifiedByReadBack
          ? " Cal.com's answer was lost (it failed after the request was sent), so the new booking was looked up: the move happened once. Do not reschedule it again."
          : ''
      }`,
      formatBookingLine(booking),
      `${describeEmailFlag(input.send_notification, 'the reschedule emails')} Use booking_id ${booking.uid} from now on.`,
    ].join('\n');
    return {
      text,
      structured: {
        previousUid: input.booking_id,
        booking: summarizeBooking(booking),
        confirmation,
        verifiedByReadBack,
        sendNotification: { requested: input.send_notification ?? null, honoured: false, reason: EMAILS_ARE_AUTOMATIC },
      },
    };
  },
});
