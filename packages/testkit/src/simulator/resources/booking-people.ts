import { type BookingAttendee, type BookingOutput, LOCALES } from '../../dto/booking';
import { ok, type Route, type RouteContext } from '../context';
import { badRequestError, notFoundError } from '../http-error';
import { validateBody } from '../validation';
import { BOOKINGS_VERSION, ownBooking, requireActive, touch } from './booking-access';

// The attendees, guests and absences of one booking (`cal-api-version: 2024-08-13`; the 2026-02-25 controller serves
// the same paths). docs/CALCOM-API.md §7.5. Its location is booking-location.ts, its calendar links
// booking-calendar-links.ts.

/** The most guests one request adds (the operation's description). */
export const MAX_GUESTS_PER_REQUEST = 10;
/** The most attendees a booking may have after adding guests (Cal.com's `MAX_TOTAL_GUESTS_PER_BOOKING`). */
export const MAX_TOTAL_GUESTS_PER_BOOKING = 30;
/** Cal.com's message when every guest is already an attendee. */
export const GUESTS_NOT_UNIQUE_MESSAGE = 'emails_must_be_unique_valid';

const attendeeFields = {
  name: { type: 'string', required: true },
  timeZone: { type: 'timeZone', required: true },
  email: { type: 'email', required: true },
  phoneNumber: { type: 'string' },
  language: { type: 'enum', values: LOCALES },
} as const;

const guestFields = {
  email: { type: 'email', required: true },
  name: { type: 'string' },
  timeZone: { type: 'timeZone' },
  phoneNumber: { type: 'string' },
  language: { type: 'enum', values: LOCALES },
} as const;

/**
 * An attendee's id: Cal.com numbers attendee rows; the simulator derives a stable id from the booking id and the
 * attendee's position (attendees are never removed).
 */
function attendeeId(booking: BookingOutput, index: number): number {
  return booking.id * 1000 + index + 1;
}

function withId(booking: BookingOutput, attendee: BookingAttendee, index: number) {
  return { ...attendee, id: attendeeId(booking, index) };
}

function listAttendees(context: RouteContext) {
  const booking = ownBooking(context);
  return ok(booking.attendees.map((attendee, index) => withId(booking, attendee, index)));
}

function getAttendee(context: RouteContext) {
  const booking = ownBooking(context);
  const raw = context.params.attendeeId ?? '';
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) {
    throw badRequestError('Validation failed (numeric string is expected)');
  }
  const index = booking.attendees.findIndex((_, position) => attendeeId(booking, position) === id);
  const attendee = booking.attendees[index];
  if (attendee === undefined) throw notFoundError(`Attendee with id=${id} not found in booking ${booking.uid}`);
  return ok(withId(booking, attendee, index));
}

function addAttendee(context: RouteContext) {
  const booking = ownBooking(context);
  const input = validateBody(context.body, attendeeFields);
  requireActive(booking, 'add attendees');
  const email = input.email as string;
  if (booking.attendees.some((attendee) => attendee.email.toLowerCase() === email.toLowerCase())) {
    throw badRequestError(`Attendee with email ${email} is already part of booking ${booking.uid}`);
  }
  const attendee: BookingAttendee = {
    name: input.name as string,
    email,
    displayEmail: email,
    timeZone: input.timeZone as string,
    absent: false,
    language: (input.language as BookingAttendee['language']) ?? 'en',
    ...(input.phoneNumber === undefined ? {} : { phoneNumber: input.phoneNumber as string }),
  };
  booking.attendees.push(attendee);
  touch(context, booking);
  return ok({ ...withId(booking, attendee, booking.attendees.length - 1), bookingId: booking.id }, 201);
}

function addGuests(context: RouteContext) {
  const booking = ownBooking(context);
  const input = validateBody(context.body, { guests: { type: 'nestedArray', required: true, shape: guestFields } });
  const guests = input.guests as { email: string; name?: string; timeZone?: string; phoneNumber?: string }[];
  if (guests.length === 0) throw badRequestError('guests must contain at least 1 elements');
  if (guests.length > MAX_GUESTS_PER_REQUEST) {
    throw badRequestError(`guests must contain no more than ${MAX_GUESTS_PER_REQUEST} elements`);
  }
  requireActive(booking, 'add guests');
  const current = booking.attendees.length;
  if (current + guests.length > MAX_TOTAL_GUESTS_PER_BOOKING) {
    throw badRequestError(
      `Cannot add ${guests.length} guests. This booking already has ${current} attendees. Maximum total guests allowed is ${MAX_TOTAL_GUESTS_PER_BOOKING}. You can add up to ${Math.max(0, MAX_TOTAL_GUESTS_PER_BOOKING - current)} more guests.`,
    );
  }
  const present = new Set(booking.attendees.map((attendee) => attendee.email.toLowerCase()));
  // Like Cal.com's addGuestsHandler: guests already attending are skipped; nothing new at all is refused.
  const fresh = guests.filter((guest) => !present.has(guest.email.toLowerCase()));
  if (fresh.length === 0) throw badRequestError(GUESTS_NOT_UNIQUE_MESSAGE);
  const host = booking.hosts[0];
  for (const guest of fresh) {
    booking.attendees.push({
      name: guest.name ?? '',
      email: guest.email,
      displayEmail: guest.email,
      timeZone: guest.timeZone ?? host?.timeZone ?? 'UTC',
      absent: false,
      ...(guest.phoneNumber === undefined ? {} : { phoneNumber: guest.phoneNumber }),
    });
  }
  touch(context, booking);
  return ok(booking);
}

function markAbsent(context: RouteContext) {
  const booking = ownBooking(context);
  const input = validateBody(context.body, {
    host: { type: 'boolean' },
    attendees: {
      type: 'nestedArray',
      shape: { email: { type: 'string', required: true }, absent: { type: 'boolean', required: true } },
    },
  });
  const attendees = (input.attendees ?? []) as { email: string; absent: boolean }[];
  if (input.host === undefined && attendees.length === 0) {
    throw badRequestError('Provide host and/or attendees to mark absent');
  }
  requireActive(booking, 'mark absences');
  // The document is silent on timing; like Cal.com's booking pages, only a booking that has started can have no-shows
  // [inferred, conservative].
  if (Date.parse(booking.start) > context.now.getTime()) {
    throw badRequestError(`Booking with uid=${booking.uid} has not started yet; cannot mark absences.`);
  }
  for (const entry of attendees) {
    if (!booking.attendees.some((attendee) => attendee.email.toLowerCase() === entry.email.toLowerCase())) {
      throw badRequestError(`Attendee with email ${entry.email} is not part of booking ${booking.uid}`);
    }
  }
  for (const entry of attendees) {
    for (const attendee of booking.attendees) {
      if (attendee.email.toLowerCase() === entry.email.toLowerCase()) attendee.absent = entry.absent;
    }
  }
  if (input.host !== undefined) booking.absentHost = input.host as boolean;
  touch(context, booking);
  return ok(booking);
}

/** The attendees, guests and mark-absent routes of a booking. */
export const bookingPeopleRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/bookings/:bookingUid/attendees',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: listAttendees,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/attendees',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: addAttendee,
  },
  {
    method: 'GET',
    pattern: '/v2/bookings/:bookingUid/attendees/:attendeeId',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: getAttendee,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/guests',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: addGuests,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/mark-absent',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: markAbsent,
  },
];
