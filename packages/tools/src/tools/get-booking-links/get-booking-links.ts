import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { bookingTimeZone, formatRange, quoteUntrusted, untrustedText } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema } from '../../schemas';

/** How to join a booking and add it to a calendar. */
export const getBookingLinks = defineTool({
  name: 'get_booking_links',
  description:
    'How to join a booking (meeting link or location) and its add-to-calendar links (Google, Outlook, Office, ICS). WORKFLOW: uid from list_bookings → get_booking_links → send to the attendee.',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The booking uid.')),
  }),
  annotations: readOnlyAnnotations('Get booking links'),
  async handler(input, context) {
    const options = requestOptions(context);
    const [booking, links] = await Promise.all([
      context.client.bookings.get(input.booking_id, options),
      context.client.bookings.calendarLinks(input.booking_id, options),
    ]);
    const location = booking.location ?? '';
    // An integration's location (`integrations:daily`) is not a place; its meeting URL is how to join.
    const joinUrl = /^https?:\/\//.test(location) ? location : (booking.meetingUrl ?? null);
    const place =
      location !== '' && !/^https?:\/\//.test(location) && !location.startsWith('integrations:') ? location : null;
    const lines = [
      `Booking uid ${booking.uid} (${booking.status}), ${formatRange(booking.start, booking.end, bookingTimeZone(booking))}:`,
      joinUrl === null ? 'No meeting link.' : `Join: ${quoteUntrusted(joinUrl)}`,
      ...(place === null ? [] : [`Location: ${quoteUntrusted(place)}`]),
      ...links
        .filter((link) => !link.link.startsWith('data:'))
        .map((link) => `Add to ${untrustedText(link.label)}: ${untrustedText(link.link, 2000)}`),
      ...(links.some((link) => link.link.startsWith('data:')) ? ['An ICS file is in the structured result.'] : []),
    ];
    return {
      text: lines.join('\n'),
      structured: {
        uid: booking.uid,
        status: booking.status,
        joinUrl: joinUrl === null ? null : untrustedText(joinUrl),
        location: place === null ? null : untrustedText(place),
        calendarLinks: links.map((link) => ({
          label: untrustedText(link.label),
          link: untrustedText(link.link, 10_000),
        })),
      },
    };
  },
});
