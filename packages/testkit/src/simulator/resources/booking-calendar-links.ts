import { ok, type Route, type RouteContext } from '../context';
import { BOOKINGS_VERSION, ownBooking } from './booking-access';

// The add-to-calendar links of one booking: `GET /v2/bookings/{uid}/calendar-links`. docs/CALCOM-API.md §7.5.

/** An ISO time as iCalendar and Google write it: `20260602T080000Z`. */
const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function calendarLinks(context: RouteContext) {
  const booking = ownBooking(context);
  const title = encodeURIComponent(booking.title);
  const location = encodeURIComponent(booking.location ?? '');
  const start = new Date(booking.start).toISOString();
  const end = new Date(booking.end).toISOString();
  const compose = (host: string) =>
    `https://${host}/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&startdt=${start}&enddt=${end}&subject=${title}&location=${location}`;
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    `UID:${booking.uid}`,
    `DTSTART:${compact(start)}`,
    `DTEND:${compact(end)}`,
    `SUMMARY:${booking.title}`,
    `LOCATION:${booking.location ?? ''}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  return ok([
    {
      label: 'Google Calendar',
      link: `https://calendar.google.com/calendar/r/eventedit?dates=${compact(start)}/${compact(end)}&text=${title}&location=${location}`,
    },
    { label: 'Microsoft Office', link: compose('outlook.office.com') },
    { label: 'Microsoft Outlook', link: compose('outlook.live.com') },
    { label: 'ICS', link: `data:text/calendar,${encodeURIComponent(ics)}` },
  ]);
}

/** The calendar-links route of a booking. */
export const bookingCalendarLinkRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/bookings/:bookingUid/calendar-links',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: calendarLinks,
  },
];
