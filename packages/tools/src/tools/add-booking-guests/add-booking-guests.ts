import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, summarizeBooking, untrustedText } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, EmailSchema, NameSchema, TimeZoneSchema } from '../../schemas';

/** What the text adds when Cal.com's answer was lost and reading the booking back showed the guests. */
const READ_BACK_NOTE =
  "Cal.com's answer was lost, so the booking was read back: the guests are attendees now. Do not add them again.";

/** Adds guests to a booking. */
export const addBookingGuests = defineTool({
  name: 'add_booking_guests',
  description:
    'Adds 1–10 guests (by email) to an existing booking; Cal.com emails each an invite. At most 30 attendees per booking; people already attending are refused. ' +
    'WORKFLOW: get_booking → user confirms the emails → add_booking_guests.',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The booking uid.')),
    guests: v.pipe(
      v.array(
        v.strictObject({
          email: EmailSchema,
          name: v.optional(NameSchema),
          time_zone: v.optional(v.pipe(TimeZoneSchema, v.description('IANA zone; default the host zone.'))),
        }),
      ),
      v.minLength(1, 'Add at least 1 guest.'),
      v.maxLength(10, 'Cal.com adds at most 10 guests per call; split the list.'),
    ),
  }),
  annotations: {
    title: 'Add booking guests',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  async handler(input, context) {
    const { booking, verifiedByReadBack } = await context.client.bookings.addGuests(
      input.booking_id,
      {
        guests: input.guests.map((guest) => ({
          email: guest.email,
          ...(guest.name === undefined ? {} : { name: guest.name }),
          ...(guest.time_zone === undefined ? {} : { timeZone: guest.time_zone }),
        })),
      },
      requestOptions(context),
    );
    const emails = input.guests.map((guest) => untrustedText(guest.email));
    return {
      text: `Added ${emails.length} guest${emails.length === 1 ? '' : 's'} to booking uid ${booking.uid}: ${emails.join(', ')}; Cal.com emails them an invite.${verifiedByReadBack ? ` ${READ_BACK_NOTE}` : ''}\n${formatBookingLine(booking)}`,
      structured: { added: emails, verifiedByReadBack, booking: summarizeBooking(booking) },
    };
  },
});
