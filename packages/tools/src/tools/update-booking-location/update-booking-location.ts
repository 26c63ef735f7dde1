import type { BookingLocationInput } from '@calcom-int/core';
import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, quoteUntrusted, summarizeBooking } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, NameSchema } from '../../schemas';

const LOCATION_TYPES = [
  'link',
  'address',
  'phone',
  'integration',
  'attendeeAddress',
  'attendeePhone',
  'attendeeDefined',
] as const;

/** Builds the location object of `PATCH /v2/bookings/{uid}/location` from the flat tool input. */
function locationOf(type: (typeof LOCATION_TYPES)[number], value: string): BookingLocationInput {
  switch (type) {
    case 'link':
      return { type, link: value };
    case 'address':
    case 'attendeeAddress':
      return { type, address: value };
    case 'phone':
    case 'attendeePhone':
      return { type, phone: value };
    case 'integration':
      return { type, integration: value };
    case 'attendeeDefined':
      return { type, location: value };
  }
}

/** Changes where a booking takes place. */
export const updateBookingLocation = defineTool({
  name: 'update_booking_location',
  description:
    "Changes a booking's location: link (meeting URL), address, phone (E.164), integration (cal-video, google-meet, zoom, …) or the attendee's own. " +
    'Cal.com does not update the calendar event; tell the attendees. WORKFLOW: get_booking → user confirms → update_booking_location.',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The booking uid.')),
    type: v.picklist(LOCATION_TYPES, `Use one of ${LOCATION_TYPES.join(', ')}.`),
    value: v.pipe(NameSchema, v.description('The URL, address, phone number or integration slug.')),
  }),
  annotations: {
    title: 'Update booking location',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(input, context) {
    const { booking, verifiedByReadBack } = await context.client.bookings.updateLocation(
      input.booking_id,
      { location: locationOf(input.type, input.value.trim()) },
      requestOptions(context),
    );
    const where = booking.location === null ? 'none' : quoteUntrusted(booking.location);
    return {
      text: `Booking uid ${booking.uid} now takes place at ${where}${verifiedByReadBack ? ' (confirmed by reading the booking back after a lost answer)' : ''}. The calendar event keeps the old location.\n${formatBookingLine(booking, { location: false })}`,
      structured: { verifiedByReadBack, booking: summarizeBooking(booking) },
    };
  },
});
