import type { CalComEvent } from '@calcom-int/core';
import { formatRange } from './time';

/** The booking facts an agent needs (structured output). */
export interface BookingSummary {
  /** The booking uid: pass it as `booking_id` to get/reschedule/cancel/confirm/decline. */
  readonly uid: string;
  /** The numeric booking id. */
  readonly id: number;
  /** Cal.com's status: accepted, pending (awaits host confirmation), cancelled or rejected. */
  readonly status: CalComEvent['status'];
  /** The title. */
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
  readonly attendees: { readonly name: string; readonly email?: string; readonly timeZone: string }[];
  /** The hosts. */
  readonly hosts: { readonly name: string; readonly email: string }[];
  /** Where the meeting happens. */
  readonly location: string | null;
  /** The video link, when there is one. */
  readonly meetingUrl?: string;
  /** Why it was cancelled. */
  readonly cancellationReason?: string;
  /** The uid of the booking this one replaced. */
  readonly rescheduledFromUid?: string;
  /** The uid of the booking that replaced this one. */
  readonly rescheduledToUid?: string;
  /** The attendee's notes (the `notes` booking-field response), when there are any. */
  readonly notes?: string;
}

/** The longest notes shown in a booking line; the structured summary keeps them whole. */
const NOTES_LINE_LIMIT = 200;

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
  return {
    uid: booking.uid,
    id: booking.id,
    status: booking.status,
    title: booking.title,
    start: booking.start,
    end: booking.end,
    timeZone: bookingTimeZone(booking),
    eventTypeId: booking.eventTypeId,
    attendees: booking.attendees.map((attendee) => ({
      name: attendee.name,
      ...(attendee.email ? { email: attendee.email } : {}),
      timeZone: attendee.timeZone,
    })),
    hosts: booking.hosts.map((host) => ({ name: host.name, email: host.email })),
    location: booking.location,
    ...(booking.meetingUrl ? { meetingUrl: booking.meetingUrl } : {}),
    ...(booking.cancellationReason ? { cancellationReason: booking.cancellationReason } : {}),
    ...(booking.rescheduledFromUid ? { rescheduledFromUid: booking.rescheduledFromUid } : {}),
    ...(booking.rescheduledToUid ? { rescheduledToUid: booking.rescheduledToUid } : {}),
    ...(booking.notes?.trim() ? { notes: booking.notes } : {}),
  };
}

/**
 * Shortens notes for a one-line booking: line breaks become spaces and text past {@link NOTES_LINE_LIMIT} characters
 * is cut with `…`.
 *
 * @param notes The notes.
 * @returns The notes on one line.
 */
function notesOnOneLine(notes: string): string {
  const flat = notes.replace(/\s+/g, ' ').trim();
  return flat.length > NOTES_LINE_LIMIT ? `${flat.slice(0, NOTES_LINE_LIMIT - 1)}…` : flat;
}

/**
 * Formats a booking as one line for the model: uid, status, times in UTC and local, title, event type, attendees,
 * location and notes (shortened).
 *
 * @param booking The booking.
 * @returns The line.
 */
export function formatBookingLine(booking: CalComEvent): string {
  const attendees = booking.attendees
    .map((attendee) => (attendee.email ? `${attendee.name} <${attendee.email}>` : attendee.name))
    .join(', ');
  const parts = [
    `uid ${booking.uid}`,
    booking.status,
    formatRange(booking.start, booking.end, bookingTimeZone(booking)),
    `"${booking.title}"`,
    `event_type_id ${booking.eventTypeId}`,
  ];
  if (attendees) parts.push(`with ${attendees}`);
  const where = booking.meetingUrl ?? booking.location;
  if (where) parts.push(`at ${where}`);
  if (booking.notes?.trim()) parts.push(`notes: ${JSON.stringify(notesOnOneLine(booking.notes))}`);
  if (booking.cancellationReason) {
    parts.push(`${booking.status === 'rejected' ? 'declined' : 'cancelled'}: ${booking.cancellationReason}`);
  }
  if (booking.rescheduledToUid) parts.push(`rescheduled to uid ${booking.rescheduledToUid}`);
  if (booking.rescheduledFromUid) parts.push(`rescheduled from uid ${booking.rescheduledFromUid}`);
  return parts.join(' | ');
}
