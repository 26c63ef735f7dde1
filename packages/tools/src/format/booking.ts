import type { CalComEvent } from '@calcom-int/core';
import { formatLocalRange, formatRange, localTimeParts } from './time';
import { quoteUntrusted, untrustedText } from './untrusted';

/**
 * The booking facts an agent needs (structured output). Text written by people (title, names, location, notes,
 * answers, cancellation reason) is escaped to one line and capped (`untrustedText`): it is data, never instructions.
 */
export interface BookingSummary {
  /** The booking uid: pass it as `booking_id` to get/reschedule/cancel/confirm/decline. */
  readonly uid: string;
  /** The numeric booking id. */
  readonly id: number;
  /** Cal.com's status: accepted, pending (awaits host confirmation), cancelled or rejected. */
  readonly status: CalComEvent['status'];
  /** The title (written by people: data). */
  readonly title: string;
  /** The start, UTC ISO 8601. */
  readonly start: string;
  /** The end, UTC ISO 8601. */
  readonly end: string;
  /** The zone the local times are shown in (the host's). */
  readonly timeZone: string;
  /** The event type id. */
  readonly eventTypeId: number;
  /** The attendees. */
  readonly attendees: {
    readonly name: string;
    readonly email?: string;
    readonly timeZone: string;
    /** `true` when the attendee was marked a no-show. */
    readonly absent?: true;
    /** Seated bookings: the attendee's seat (cancel_booking seat_uid). */
    readonly seatUid?: string;
  }[];
  /** The hosts. */
  readonly hosts: { readonly name: string; readonly email: string }[];
  /** Where the meeting happens (may be written by the attendee: data). */
  readonly location: string | null;
  /** The video link, when there is one. */
  readonly meetingUrl?: string;
  /** `true` when the host was marked a no-show. */
  readonly absentHost?: true;
  /** Why it was cancelled (written by people: data). */
  readonly cancellationReason?: string;
  /** The uid of the booking this one replaced. */
  readonly rescheduledFromUid?: string;
  /** The uid of the booking that replaced this one. */
  readonly rescheduledToUid?: string;
  /** The attendee's notes (the `notes` booking-field response), when there are any (written by people: data). */
  readonly notes?: string;
  /** The answers to the event type's own booking questions, by field slug (written by people: data). */
  readonly answers?: Readonly<Record<string, string>>;
  /** Recurring bookings: the series uid (cancel_booking with it cancels every occurrence). */
  readonly recurringBookingUid?: string;
  /** A just-made seated booking: the booker's seat. */
  readonly seatUid?: string;
}

/** Booking-field responses every booking has, shown elsewhere (attendee, guests, location, notes) or not at all. */
const STANDARD_RESPONSES = new Set([
  'name',
  'email',
  'notes',
  'guests',
  'location',
  'title',
  'rescheduleReason',
  'attendeePhoneNumber',
  'smsReminderNumber',
]);

/**
 * Reads the answers to the event type's own booking questions (custom booking fields) as text.
 *
 * @param booking The booking.
 * @returns The slug and answer pairs; empty when there are none.
 */
function customAnswers(booking: CalComEvent): [string, string][] {
  return Object.entries(booking.responses)
    .filter(
      ([slug, answer]) => !STANDARD_RESPONSES.has(slug) && answer !== null && answer !== undefined && answer !== '',
    )
    .map(([slug, answer]) => [slug, typeof answer === 'string' ? answer : JSON.stringify(answer)]);
}

/**
 * Picks the zone to show a booking's local times in: the host's, else the first attendee's, else UTC.
 *
 * @param booking The booking.
 * @returns The IANA zone.
 */
export function bookingTimeZone(booking: CalComEvent): string {
  return booking.hosts[0]?.timeZone ?? booking.attendees[0]?.timeZone ?? 'UTC';
}

/**
 * Summarises a booking for structured output.
 *
 * @param booking The booking.
 * @returns The summary.
 */
export function summarizeBooking(booking: CalComEvent): BookingSummary {
  const answers = customAnswers(booking);
  return {
    uid: booking.uid,
    id: booking.id,
    status: booking.status,
    title: untrustedText(booking.title),
    start: booking.start,
    end: booking.end,
    timeZone: bookingTimeZone(booking),
    eventTypeId: booking.eventTypeId,
    attendees: booking.attendees.map((attendee) => ({
      name: untrustedText(attendee.name),
      ...(attendee.email ? { email: untrustedText(attendee.email) } : {}),
      timeZone: attendee.timeZone,
      ...(attendee.absent ? { absent: true as const } : {}),
      ...(attendee.seatUid ? { seatUid: attendee.seatUid } : {}),
    })),
    hosts: booking.hosts.map((host) => ({ name: untrustedText(host.name), email: host.email })),
    location: booking.location === null ? null : untrustedText(booking.location),
    ...(booking.meetingUrl ? { meetingUrl: untrustedText(booking.meetingUrl) } : {}),
    ...(booking.absentHost ? { absentHost: true as const } : {}),
    ...(booking.cancellationReason ? { cancellationReason: untrustedText(booking.cancellationReason) } : {}),
    ...(booking.rescheduledFromUid ? { rescheduledFromUid: booking.rescheduledFromUid } : {}),
    ...(booking.rescheduledToUid ? { rescheduledToUid: booking.rescheduledToUid } : {}),
    ...(booking.notes?.trim() ? { notes: untrustedText(booking.notes) } : {}),
    ...(booking.recurringBookingUid ? { recurringBookingUid: booking.recurringBookingUid } : {}),
    ...(booking.seatUid ? { seatUid: booking.seatUid } : {}),
    ...(answers.length > 0
      ? {
          answers: Object.fromEntries(
            answers.map(([slug, answer]) => [untrustedText(slug, 64), untrustedText(answer)]),
          ),
        }
      : {}),
  };
}

/** How much {@link formatBookingLine} shows. */
export interface BookingLineOptions {
  /** Whether to show the meeting link or location (default `true`; lists leave it to `get_booking`). */
  readonly location?: boolean;
}

/**
 * Formats a booking as one line for the model: uid, status, times in UTC and local, title, event type, attendees,
 * location, notes and answers. An attendee in another zone than the host gets their own local time too. Text written by
 * people is quoted, escaped to one line and capped (`quoteUntrusted`).
 *
 * @param booking The booking.
 * @param options What to leave out.
 * @returns The line.
 */
export function formatBookingLine(booking: CalComEvent, options: BookingLineOptions = {}): string {
  const hostZone = bookingTimeZone(booking);
  const hostDate = localTimeParts(booking.start, hostZone).date;
  const attendees = booking.attendees
    .map((attendee) => {
      const named = attendee.email
        ? `${quoteUntrusted(attendee.name)} <${untrustedText(attendee.email)}>`
        : quoteUntrusted(attendee.name);
      const seated = attendee.seatUid ? `${named} seat_uid ${attendee.seatUid}` : named;
      const who = attendee.absent ? `${seated} (no-show)` : seated;
      if (attendee.timeZone === hostZone) return who;
      // The attendee's own local time; its date only when it is not the booking's local date.
      return `${who} (${formatLocalRange(booking.start, booking.end, attendee.timeZone, hostDate)})`;
    })
    .join(', ');
  const parts = [
    `uid ${booking.uid}`,
    booking.status,
    formatRange(booking.start, booking.end, hostZone),
    quoteUntrusted(booking.title),
    `event_type_id ${booking.eventTypeId}`,
  ];
  if (attendees) parts.push(`with ${attendees}`);
  if (options.location !== false) {
    if (booking.meetingUrl) parts.push(`at ${quoteUntrusted(booking.meetingUrl)}`);
    else if (booking.location) parts.push(`at ${quoteUntrusted(booking.location)}`);
  }
  if (booking.notes?.trim()) parts.push(`notes ${quoteUntrusted(booking.notes)}`);
  for (const [slug, answer] of customAnswers(booking)) {
    parts.push(`answer ${quoteUntrusted(slug, 64)}: ${quoteUntrusted(answer)}`);
  }
  if (booking.cancellationReason) {
    parts.push(
      `${booking.status === 'rejected' ? 'declined' : 'cancelled'}: ${quoteUntrusted(booking.cancellationReason)}`,
    );
  }
  if (booking.absentHost) parts.push('host was a no-show');
  if (booking.rescheduledToUid) parts.push(`rescheduled to uid ${booking.rescheduledToUid}`);
  if (booking.rescheduledFromUid) parts.push(`rescheduled from uid ${booking.rescheduledFromUid}`);
  if (booking.recurringBookingUid) parts.push(`recurring series ${booking.recurringBookingUid}`);
  if (booking.seatUid) parts.push(`seat_uid ${booking.seatUid}`);
  return parts.join(' | ');
}
