import type { BookingAttendee, BookingOutput } from '../dto/booking';
import type { Recurrence_2024_06_14 } from '../generated/dto.generated';
import { freeSlotStarts } from './availability';
import { ok, type Route, type RouteContext, type RouteReply } from './context';
import { badRequestError, conflictError, notFoundError } from './http-error';
import { generateUid } from './random';
import {
  type AnyEventType,
  eventTypeOf,
  isActive,
  type SeatedAttendee,
  seatsOf,
  seatsPerSlot,
} from './seat-availability';
import { assignTeamHosts, type Bookable } from './team-scheduling';
import { localParts, zonedToEpoch } from './time-zone';
import type { SimulatorData } from './types';

// Recurring and seated bookings (docs/CALCOM-API.md §7.5): what POST /v2/bookings, GET /v2/bookings/{uid},
// GET /v2/bookings/by-seat/{seatUid} and the cancel do beyond a plain booking. Cal.com's messages are quoted from its
// 2024-08-13 bookings service and input service.

/** Cal.com's 400 when `recurrenceCount` exceeds the event type's `recurrence.occurrences`. */
export const RECURRENCE_COUNT_TOO_HIGH_MESSAGE =
  "Provided recurrence count is higher than the event type's recurring event count.";
/** Cal.com's 409 when every seat of the slot is taken. */
export const SEATS_FULL_MESSAGE = 'No more seats left at this seated booking.';
/** Cal.com's 400 for a `seatUid` that does not exist or was cancelled. */
export const UNKNOWN_SEAT_MESSAGE = 'Invalid seatUid: this seat does not exist or has already been cancelled.';
/** Cal.com's 400 for a `seatUid` of another booking. */
export const FOREIGN_SEAT_MESSAGE = 'Invalid seatUid: this seat does not belong to this booking.';

/** A stored booking with the fields recurring occurrences add (`RecurringBookingOutput_2024_08_13`). */
export type SeriesBooking = BookingOutput & { recurringBookingUid?: string };

/** The active seated booking of an event type at a start, if any. */
export function seatedBookingAt(
  data: SimulatorData,
  eventType: AnyEventType,
  start: number,
): BookingOutput | undefined {
  if (seatsPerSlot(eventType) === undefined) return undefined;
  return data.bookings.find(
    (booking) => booking.eventTypeId === eventType.id && isActive(booking) && Date.parse(booking.start) === start,
  );
}

/** The input of a create that the recurring and seated checks read. */
interface CreateInput {
  readonly recurrenceCount?: unknown;
  readonly attendee?: unknown;
  readonly bookingFieldsResponses?: unknown;
}

function attendeeZone(input: CreateInput): string {
  const attendee = input.attendee as { timeZone?: string } | undefined;
  return attendee?.timeZone ?? 'UTC';
}

/** The starts of a recurring booking: `count` occurrences `interval` weeks, months or years apart in the attendee's zone. */
export function occurrenceStarts(recurrence: Recurrence_2024_06_14, start: number, timeZone: string, count: number) {
  const parts = localParts(start, timeZone);
  const minutes = parts.hour * 60 + parts.minute;
  const starts: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const step = index * recurrence.interval;
    const date = new Date(
      Date.UTC(
        parts.year + (recurrence.frequency === 'yearly' ? step : 0),
        parts.month - 1 + (recurrence.frequency === 'monthly' ? step : 0),
        parts.day + (recurrence.frequency === 'weekly' ? step * 7 : 0),
      ),
    );
    starts.push(zonedToEpoch(date.toISOString().slice(0, 10), minutes, timeZone) + parts.second * 1000);
  }
  return starts;
}

/**
 * The checks of a create before the plain booking path runs: `recurrenceCount` (refused for a non-recurring event
 * type, 400 above the event type's occurrences), every later occurrence free, and joining a seated slot that already
 * has a booking (409 when its seats are taken).
 *
 * @returns The reply when the attendee took a seat of an existing booking, else `undefined` (book as usual).
 */
export function beforeCreate(
  context: RouteContext,
  bookable: Bookable,
  input: CreateInput,
  start: number,
  length: number,
): RouteReply | undefined {
  const { eventType } = bookable;
  const recurrence = eventType.recurrence;
  if (input.recurrenceCount !== undefined) {
    if (recurrence === null) {
      throw badRequestError(
        `recurrenceCount can only be sent for a recurring event type; event type with id=${eventType.id} is not recurring. Remove recurrenceCount.`,
      );
    }
    if ((input.recurrenceCount as number) > recurrence.occurrences)
      throw badRequestError(RECURRENCE_COUNT_TOO_HIGH_MESSAGE);
  }
  if (recurrence !== null) {
    const count = (input.recurrenceCount as number | undefined) ?? recurrence.occurrences;
    const now = context.now.getTime();
    for (const at of occurrenceStarts(recurrence, start, attendeeZone(input), count).slice(1)) {
      const free =
        bookable.kind === 'team'
          ? assignTeamHosts(context.data, bookable.eventType, at, now, { lengthInMinutes: length }) !== undefined
          : freeSlotStarts(context.data, bookable.eventType, at, at, now, { lengthInMinutes: length }).includes(at);
      if (!free) {
        throw badRequestError(
          `User either already has booking at this time or is not available: occurrence at ${new Date(at).toISOString()} of the recurring booking is not free.`,
        );
      }
    }
  }
  const existing = seatedBookingAt(context.data, eventType, start);
  if (existing === undefined) return undefined;
  if (seatsOf(existing).length >= (seatsPerSlot(eventType) ?? 0)) throw conflictError(SEATS_FULL_MESSAGE);
  const attendee = input.attendee as Omit<BookingAttendee, 'displayEmail' | 'absent'>;
  const seat = addSeat(context.data, existing, attendee, input.bookingFieldsResponses);
  existing.updatedAt = context.now.toISOString();
  return ok(seatedOutput(context, existing, seat.seatUid), 201);
}

function addSeat(
  data: SimulatorData,
  booking: BookingOutput,
  attendee: Omit<BookingAttendee, 'displayEmail' | 'absent'>,
  responses: unknown,
): SeatedAttendee {
  const email = attendee.email ?? '';
  const seat: SeatedAttendee = {
    name: attendee.name,
    email,
    displayEmail: email,
    timeZone: attendee.timeZone,
    absent: false,
    ...(attendee.language === undefined ? {} : { language: attendee.language }),
    ...(attendee.phoneNumber === undefined ? {} : { phoneNumber: attendee.phoneNumber }),
    seatUid: generateUid(data.random),
    bookingFieldsResponses: { name: attendee.name, ...(email === '' ? {} : { email }), ...(responses as object) },
  };
  booking.attendees.push(seat);
  return seat;
}

/**
 * Completes a create after the plain path stored `booking`: a seated event type turns its attendee into the first
 * seat (`CreateSeatedBookingOutput_2024_08_13`), a recurring one adds the later occurrences, all sharing
 * `recurringBookingUid` (an array of `RecurringBookingOutput_2024_08_13`).
 */
export function afterCreate(
  context: RouteContext,
  bookable: Bookable,
  input: CreateInput,
  booking: BookingOutput,
): RouteReply {
  const { eventType } = bookable;
  const seated = seatsPerSlot(eventType) !== undefined;
  let seatUid: string | undefined;
  if (seated) {
    const [attendee] = booking.attendees.splice(0, booking.attendees.length);
    if (attendee !== undefined) {
      const { displayEmail: _display, absent: _absent, ...rest } = attendee;
      seatUid = addSeat(context.data, booking, rest, input.bookingFieldsResponses).seatUid;
    }
  }
  const recurrence = eventType.recurrence;
  if (recurrence === null) return ok(seated ? seatedOutput(context, booking, seatUid) : booking, 201);
  const series = generateUid(context.data.random);
  const count = (input.recurrenceCount as number | undefined) ?? recurrence.occurrences;
  const occurrences: [SeriesBooking, string | undefined][] = [
    [Object.assign(booking, { recurringBookingUid: series }), seatUid],
  ];
  for (const at of occurrenceStarts(recurrence, Date.parse(booking.start), attendeeZone(input), count).slice(1)) {
    const uid = generateUid(context.data.random);
    const copy: SeriesBooking = {
      ...structuredClone(booking),
      id: context.data.nextIds.booking++,
      uid,
      start: new Date(at).toISOString(),
      end: new Date(at + booking.duration * 60_000).toISOString(),
      recurringBookingUid: series,
    };
    if (booking.meetingUrl === `https://app.cal.com/video/${booking.uid}`) {
      copy.meetingUrl = `https://app.cal.com/video/${uid}`;
      if (booking.location === booking.meetingUrl) copy.location = copy.meetingUrl;
    }
    // Each occurrence of a seated series has its own seat.
    for (const seat of seatsOf(copy)) seat.seatUid = generateUid(context.data.random);
    context.data.bookings.push(copy);
    occurrences.push([copy, seatsOf(copy)[0]?.seatUid]);
  }
  return ok(
    occurrences.map(([occurrence, seat]) => (seated ? seatedOutput(context, occurrence, seat) : occurrence)),
    201,
  );
}

/** A seated booking as answered (`GetSeatedBookingOutput_2024_08_13`): seats instead of attendees, no guests. */
export type SeatedBookingOutput = Omit<BookingOutput, 'attendees' | 'guests' | 'bookingFieldsResponses'> & {
  attendees: SeatedAttendee[];
};

/** Whether the caller hosts the booking (then every seat is shown). */
function callerHosts(context: RouteContext, booking: BookingOutput): boolean {
  const user = context.user;
  return user !== null && booking.hosts.some((host) => host.id === user.id);
}

/**
 * A booking as Cal.com answers it: seated bookings show every seat to their hosts or when the event type shows
 * attendees, else none (or only `seatUid`'s); a cancelled seated booking lists no attendees in 2024-08-13 and keeps
 * them in 2026-02-25 (docs/CALCOM-API.md §3.3).
 */
export function presentBooking(
  context: RouteContext,
  booking: BookingOutput,
  seatUid?: string,
): BookingOutput | SeatedBookingOutput {
  const eventType = eventTypeOf(context.data, booking);
  if (seatsPerSlot(eventType) === undefined) return booking;
  const showAll = callerHosts(context, booking) || eventType?.seats?.showAttendeeInfo === true;
  const cancelledHidden = !isActive(booking) && context.headers.get('cal-api-version') !== '2026-02-25';
  const seats = seatsOf(booking);
  const attendees = cancelledHidden
    ? []
    : showAll
      ? seats
      : seats.filter((attendee) => seatUid !== undefined && attendee.seatUid === seatUid);
  const { guests: _guests, bookingFieldsResponses: _responses, ...rest } = booking;
  return { ...rest, attendees };
}

function seatedOutput(context: RouteContext, booking: BookingOutput, seatUid: string | undefined) {
  return { ...presentBooking(context, booking, seatUid), seatUid: seatUid ?? '' };
}

/** The occurrences of a recurring series, in start order. */
function seriesBookings(data: SimulatorData, seriesUid: string): SeriesBooking[] {
  return (data.bookings as SeriesBooking[])
    .filter((booking) => booking.recurringBookingUid === seriesUid)
    .sort((left, right) => Date.parse(left.start) - Date.parse(right.start));
}

/**
 * `GET /v2/bookings/{uid}` for a series uid: every occurrence, or `undefined` when `uid` names no series.
 *
 * @param visible Whether the caller may see a booking.
 */
export function getSeries(
  context: RouteContext,
  uid: string,
  visible: (booking: BookingOutput) => boolean,
): RouteReply | undefined {
  const occurrences = seriesBookings(context.data, uid).filter(visible);
  if (occurrences.length === 0) return undefined;
  return ok(occurrences.map((booking) => presentBooking(context, booking)));
}

/**
 * The recurring and seated cancels (`POST /v2/bookings/{uid}/cancel`): a series uid cancels every active occurrence,
 * `cancelSubsequentBookings` cancels this occurrence and the later ones (both answer every occurrence), `seatUid`
 * removes that seat (and cancels the booking when it was the last one).
 *
 * @param booking The booking the uid names, or `undefined` when it names none.
 * @returns The reply, or `undefined` for a plain cancel.
 */
export function cancelSeriesOrSeat(
  context: RouteContext,
  booking: BookingOutput | undefined,
  input: { cancellationReason?: unknown; cancelSubsequentBookings?: unknown; seatUid?: unknown },
  visible: (booking: BookingOutput) => boolean,
): RouteReply | undefined {
  const reason = input.cancellationReason as string | undefined;
  const cancel = (target: BookingOutput) => {
    target.status = 'cancelled';
    target.updatedAt = context.now.toISOString();
    if (reason !== undefined) target.cancellationReason = reason;
    target.cancelledByEmail = context.user?.email ?? target.attendees[0]?.email ?? '';
  };
  const uid = context.params.bookingUid ?? '';
  if (booking === undefined) {
    const occurrences = seriesBookings(context.data, uid).filter(visible);
    if (occurrences.length === 0) return undefined;
    occurrences.filter(isActive).forEach(cancel);
    return ok(occurrences.map((occurrence) => presentBooking(context, occurrence)));
  }
  if (typeof input.seatUid === 'string') {
    const owner = context.data.bookings.find((candidate) =>
      seatsOf(candidate).some((s) => s.seatUid === input.seatUid),
    );
    if (owner === undefined || !isActive(owner)) throw badRequestError(UNKNOWN_SEAT_MESSAGE);
    if (owner !== booking) throw badRequestError(FOREIGN_SEAT_MESSAGE);
    booking.attendees = booking.attendees.filter((attendee) => (attendee as SeatedAttendee).seatUid !== input.seatUid);
    booking.updatedAt = context.now.toISOString();
    if (booking.attendees.length === 0) cancel(booking);
    return ok(presentBooking(context, booking));
  }
  if (input.cancelSubsequentBookings === true) {
    const series = (booking as SeriesBooking).recurringBookingUid;
    if (series === undefined) {
      // Cal.com cancels the booking and only then finds it is not part of a series.
      if (isActive(booking)) cancel(booking);
      throw badRequestError(`Booking with bookingUid=${booking.uid} is not part of a recurring booking.`);
    }
    const from = Date.parse(booking.start);
    const occurrences = seriesBookings(context.data, series);
    occurrences.filter((occurrence) => isActive(occurrence) && Date.parse(occurrence.start) >= from).forEach(cancel);
    return ok(occurrences.map((occurrence) => presentBooking(context, occurrence)));
  }
  return undefined;
}

/** Finds a seated booking by one of its seats. */
function bookingBySeat(context: RouteContext): RouteReply {
  const seatUid = context.params.seatUid ?? '';
  const booking = context.data.bookings.find((candidate) => seatsOf(candidate).some((s) => s.seatUid === seatUid));
  if (booking === undefined) throw notFoundError(`Booking with seatUid=${seatUid} was not found in the database`);
  return ok(presentBooking(context, booking, seatUid));
}

/** `GET /v2/bookings/by-seat/{seatUid}`; listed before the `/v2/bookings/:bookingUid/…` routes. */
export const bookingSeatRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/bookings/by-seat/:seatUid',
    versions: ['2024-08-13', '2026-02-25'],
    auth: 'optional',
    handle: bookingBySeat,
  },
];
