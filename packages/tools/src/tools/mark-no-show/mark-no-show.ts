import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, untrustedText } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, EmailSchema } from '../../schemas';

/** Marks who did not show up to a meeting. */
export const markNoShow = defineTool({
  name: 'mark_no_show',
  description:
    'Marks the host and/or attendees of a booking that has started as no-shows; absent: false clears the marks. ' +
    'WORKFLOW: get_booking for the emails → user confirms → mark_no_show.',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The booking uid.')),
    no_shows: v.pipe(
      v.array(v.union([v.literal('host'), EmailSchema], 'Expected "host" or an attendee email.')),
      v.minLength(1, 'Name at least one: "host" or an attendee email.'),
      v.description('"host" and/or attendee emails.'),
    ),
    absent: v.optional(v.pipe(v.boolean(), v.description('Default true; false clears.')), true),
  }),
  annotations: {
    title: 'Mark no-show',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(input, context) {
    const host = input.no_shows.includes('host');
    const emails = input.no_shows.filter((entry) => entry !== 'host');
    const { booking, verifiedByReadBack } = await context.client.bookings.markAbsent(
      input.booking_id,
      {
        ...(host ? { host: input.absent } : {}),
        ...(emails.length > 0 ? { attendees: emails.map((email) => ({ email, absent: input.absent })) } : {}),
      },
      requestOptions(context),
    );
    const who = [...(host ? ['the host'] : []), ...emails.map((email) => untrustedText(email))];
    return {
      text: `${input.absent ? 'Marked as no-show' : 'Cleared the no-show of'} ${who.join(', ')} on booking uid ${booking.uid}${verifiedByReadBack ? ' (confirmed by reading the booking back after a lost answer)' : ''}.\n${formatBookingLine(booking, { location: false })}`,
      structured: {
        absentHost: booking.absentHost === true,
        absentAttendees: booking.attendees.flatMap((attendee) =>
          attendee.absent && attendee.email ? [untrustedText(attendee.email)] : [],
        ),
        verifiedByReadBack,
      },
    };
  },
});
