import { type BookingOutput, LOCALES } from '../../dto/booking';
import type { EventTypeOutput } from '../../dto/event-type';
import { freeSlotStarts } from '../availability';
import { bookingLocation, requireAnswers } from '../booking-create-fields';
import { createBookingRecord } from '../booking-record';
import { afterCreate, beforeCreate, cancelSeriesOrSeat, getSeries, presentBooking } from '../booking-series';
import { ok, type Route, type RouteContext } from '../context';
import { badRequestError, notFoundError } from '../http-error';
import {
  assignTeamHosts,
  type Bookable,
  bookableById,
  refuseOrganizationSlug,
  teamEventTypeBySlug,
} from '../team-scheduling';
import type { SimulatorData, SimulatorUser } from '../types';
import { validateBody } from '../validation';
import { BOOKINGS_VERSION, canSee, ownBooking } from './booking-access';

/** Cal.com's message when the requested time is not a free slot. */
export const NOT_AVAILABLE_MESSAGE = 'User either already has booking at this time or is not available';
/** Cal.com's message for a start in the past. */
export const PAST_BOOKING_MESSAGE = 'Attempting to book a meeting in the past.';
/** Cal.com's message for `booking_time_out_of_bounds_error` (too soon or outside the booking window). */
export const OUT_OF_BOUNDS_MESSAGE =
  'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time set to one of the returned slots.';
/** Cal.com's message when cancelling a booking that is already cancelled (400). */
export const ALREADY_CANCELLED_MESSAGE = 'This booking has already been cancelled.';

function findBooking(context: RouteContext): BookingOutput {
  const booking = context.data.bookings.find((candidate) => candidate.uid === context.params.bookingUid);
  const user = context.user;
  // A booking of another user is answered like an unknown uid when a credential is given.
  if (booking === undefined || (user !== null && !canSee(context.data, booking, user))) {
    throw notFoundError(`Booking with uid=${context.params.bookingUid} not found`);
  }
  return booking;
}

function ownerOf(data: SimulatorData, eventType: EventTypeOutput): SimulatorUser {
  const owner = data.users.find((user) => user.id === eventType.ownerId);
  if (owner === undefined) throw notFoundError(`User with id=${eventType.ownerId} not found`);
  return owner;
}

/**
 * Checks that `start` is bookable and returns the hosts of the booking: the owner of a personal event type, or the
 * hosts a team event type assigns (every host of a collective event, one free round-robin host).
 */
function assertBookable(
  context: RouteContext,
  bookable: Bookable,
  start: number,
  length: number,
  ignoreBookingUid?: string,
): SimulatorUser[] {
  const { eventType } = bookable;
  const now = context.now.getTime();
  if (start < now) throw badRequestError(PAST_BOOKING_MESSAGE);
  if (start < now + (eventType.minimumBookingNotice ?? 0) * 60_000) throw badRequestError(OUT_OF_BOUNDS_MESSAGE);
  const options = { lengthInMinutes: length, ...(ignoreBookingUid === undefined ? {} : { ignoreBookingUid }) };
  if (bookable.kind === 'team') {
    const hosts = assignTeamHosts(context.data, bookable.eventType, start, now, options);
    if (hosts === undefined) throw badRequestError(NOT_AVAILABLE_MESSAGE);
    return hosts;
  }
  const free = freeSlotStarts(context.data, bookable.eventType, start, start, now, options);
  if (!free.includes(start)) throw badRequestError(NOT_AVAILABLE_MESSAGE);
  return [ownerOf(context.data, bookable.eventType)];
}

function resolveEventType(context: RouteContext, input: Record<string, unknown>): Bookable {
  refuseOrganizationSlug(input.organizationSlug);
  if (input.eventTypeId !== undefined) {
    const bookable = bookableById(context.data, input.eventTypeId);
    if (bookable === undefined) throw notFoundError(`Event type with id=${String(input.eventTypeId)} not found`);
    return bookable;
  }
  if (input.eventTypeSlug !== undefined && input.teamSlug !== undefined) {
    return teamEventTypeBySlug(context.data, input.eventTypeSlug as string, input.teamSlug as string);
  }
  if (input.eventTypeSlug !== undefined && input.username !== undefined) {
    const owner = context.data.users.find((user) => user.username === input.username);
    const eventType = context.data.eventTypes.find(
      (candidate) => candidate.ownerId === owner?.id && candidate.slug === input.eventTypeSlug,
    );
    if (eventType === undefined) {
      throw notFoundError(
        `Event type with slug ${String(input.eventTypeSlug)} belonging to user ${String(input.username)} not found.`,
      );
    }
    return { kind: 'personal', eventType };
  }
  throw badRequestError('Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided');
}

const attendeeShape = {
  name: { type: 'string', required: true },
  timeZone: { type: 'timeZone', required: true },
  email: { type: 'email' },
  phoneNumber: { type: 'string' },
  language: { type: 'enum', values: LOCALES },
} as const;

function createBooking(context: RouteContext) {
  const input = validateBody(context.body, {
    start: { type: 'date', required: true },
    attendee: { type: 'nested', required: true, shape: attendeeShape },
    eventTypeId: { type: 'integer' },
    eventTypeSlug: { type: 'string' },
    username: { type: 'string' },
    teamSlug: { type: 'string' },
    organizationSlug: { type: 'string' },
    guests: { type: 'array', items: { type: 'email' } },
    metadata: { type: 'object' },
    lengthInMinutes: { type: 'integer', min: 1 },
    bookingFieldsResponses: { type: 'object' },
    meetingUrl: { type: 'string' },
    location: { type: 'object' },
    recurrenceCount: { type: 'integer', min: 1 },
  });
  const bookable = resolveEventType(context, input);
  const eventType = bookable.eventType;
  const requested = input.lengthInMinutes as number | undefined;
  // Like Cal.com's validateEventLength: the options when the event type has any, else its one length.
  const options = eventType.lengthInMinutesOptions ?? [];
  const lengths = options.length > 0 ? options : [eventType.lengthInMinutes];
  if (requested !== undefined && !lengths.includes(requested)) {
    throw badRequestError(`lengthInMinutes ${requested} is not one of the event type's lengths: ${lengths.join(', ')}`);
  }
  const length = requested ?? eventType.lengthInMinutes;
  const location = bookingLocation(eventType, input.location);
  requireAnswers(eventType, input.bookingFieldsResponses as Record<string, unknown> | undefined);
  const start = Date.parse(input.start as string);
  const seated = beforeCreate(context, bookable, input, start, length);
  if (seated !== undefined) return seated;
  const hosts = assertBookable(context, bookable, start, length);
  const attendee = input.attendee as { name: string; timeZone: string; email?: string; phoneNumber?: string };
  const booking = createBookingRecord(context.data, {
    eventType: eventType as EventTypeOutput,
    host: hosts[0] as SimulatorUser,
    hosts,
    start,
    lengthInMinutes: length,
    attendee,
    status: eventType.confirmationPolicy === undefined ? 'accepted' : 'pending',
    createdAt: context.now,
    ...(input.guests === undefined ? {} : { guests: input.guests as string[] }),
    ...(input.metadata === undefined ? {} : { metadata: input.metadata as Record<string, string> }),
    ...(location === undefined ? {} : { location }),
    ...(input.bookingFieldsResponses === undefined
      ? {}
      : { responses: input.bookingFieldsResponses as Record<string, unknown> }),
  });
  return afterCreate(context, bookable, input, booking);
}

function rescheduleBooking(context: RouteContext) {
  const booking = findBooking(context);
  if (booking.status === 'cancelled' || booking.status === 'rejected' || booking.rescheduledToUid !== undefined) {
    throw badRequestError(
      `Can't reschedule booking with uid=${booking.uid} because it has been ${booking.rescheduledToUid === undefined ? booking.status : `rescheduled to ${booking.rescheduledToUid}`}. Reschedule the latest booking instead.`,
    );
  }
  const input = validateBody(context.body, {
    start: { type: 'date', required: true },
    rescheduledBy: { type: 'email' },
    reschedulingReason: { type: 'string' },
    seatUid: { type: 'string' },
  });
  if (input.seatUid !== undefined) {
    throw badRequestError(
      'seatUid: rescheduling one seat of a seated booking is not modelled by the simulator (docs/CALCOM-API.md §7.5.1).',
    );
  }
  const bookable = bookableById(context.data, booking.eventTypeId);
  if (bookable === undefined) throw notFoundError(`Event type with id=${booking.eventTypeId} not found`);
  const eventType = bookable.eventType as EventTypeOutput;
  const start = Date.parse(input.start as string);
  const hosts = assertBookable(context, bookable, start, booking.duration, booking.uid);
  const host = hosts[0] as SimulatorUser;
  const reason = input.reschedulingReason as string | undefined;
  const needsConfirmation = eventType.confirmationPolicy !== undefined && input.rescheduledBy !== host.email;
  const [attendee] = booking.attendees;
  const next = createBookingRecord(context.data, {
    eventType,
    host,
    hosts,
    start,
    lengthInMinutes: booking.duration,
    attendee: attendee ?? { name: 'Unknown', timeZone: 'UTC' },
    status: needsConfirmation ? 'pending' : 'accepted',
    createdAt: context.now,
    ...(booking.guests === undefined ? {} : { guests: booking.guests }),
    ...(booking.metadata === undefined ? {} : { metadata: booking.metadata }),
    // The location moves with the booking; a Cal Video booking gets a new video link.
    ...(booking.meetingUrl === undefined && booking.location ? { location: booking.location } : {}),
    responses: booking.bookingFieldsResponses,
    extra: {
      rescheduledFromUid: booking.uid,
      ...(reason === undefined ? {} : { reschedulingReason: reason }),
      ...(input.rescheduledBy === undefined ? {} : { rescheduledByEmail: input.rescheduledBy as string }),
    },
  });
  booking.status = 'cancelled';
  booking.rescheduledToUid = next.uid;
  booking.updatedAt = context.now.toISOString();
  if (reason !== undefined) booking.reschedulingReason = reason;
  if (input.rescheduledBy !== undefined) booking.rescheduledByEmail = input.rescheduledBy as string;
  return ok(next, 201);
}

/** Whether the caller may see a booking (anonymous calls see any, like Cal.com's optional-auth routes). */
function visibleTo(context: RouteContext): (booking: BookingOutput) => boolean {
  return (booking) => context.user === null || canSee(context.data, booking, context.user);
}

/** `GET /v2/bookings/{uid}`: a booking, or every occurrence when `uid` is a recurring series' uid. */
function getBooking(context: RouteContext) {
  const named = context.data.bookings.some((candidate) => candidate.uid === context.params.bookingUid);
  const series = named ? undefined : getSeries(context, context.params.bookingUid ?? '', visibleTo(context));
  return series ?? ok(presentBooking(context, findBooking(context)));
}

function cancelBooking(context: RouteContext) {
  const named = context.data.bookings.find((candidate) => candidate.uid === context.params.bookingUid);
  const isSeries = named === undefined && getSeries(context, context.params.bookingUid ?? '', visibleTo(context));
  const booking = isSeries ? undefined : findBooking(context);
  const input = validateBody(context.body, {
    cancellationReason: { type: 'string' },
    cancelSubsequentBookings: { type: 'boolean' },
    seatUid: { type: 'string' },
  });
  const special = cancelSeriesOrSeat(context, booking, input, visibleTo(context));
  if (special !== undefined) return special;
  if (booking === undefined) throw notFoundError(`Booking with uid=${context.params.bookingUid} not found`);
  // Cal.com's handleCancelBooking refuses a second cancel with HTTP 400 (no idempotent success).
  if (booking.status === 'cancelled' || booking.status === 'rejected') throw badRequestError(ALREADY_CANCELLED_MESSAGE);
  booking.status = 'cancelled';
  booking.updatedAt = context.now.toISOString();
  if (input.cancellationReason !== undefined) booking.cancellationReason = input.cancellationReason as string;
  booking.cancelledByEmail = context.user?.email ?? booking.attendees[0]?.email ?? '';
  return ok(presentBooking(context, booking));
}

function decide(context: RouteContext, accept: boolean) {
  const booking = ownBooking(context);
  if (booking.status !== 'pending') {
    throw badRequestError(
      `Booking with uid=${booking.uid} is ${booking.status}; only pending bookings can be ${accept ? 'confirmed' : 'declined'}.`,
    );
  }
  const input = accept ? {} : validateBody(context.body, { reason: { type: 'string' } });
  booking.status = accept ? 'accepted' : 'rejected';
  booking.updatedAt = context.now.toISOString();
  if (input.reason !== undefined) booking.cancellationReason = input.reason as string;
  return ok(booking);
}

/** Bookings (`cal-api-version: 2024-08-13`; `2026-02-25` uses the same DTOs). */
export const bookingRoutes: Route[] = [
  { method: 'POST', pattern: '/v2/bookings', versions: BOOKINGS_VERSION, auth: 'optional', handle: createBooking },
  {
    method: 'GET',
    pattern: '/v2/bookings/:bookingUid',
    versions: BOOKINGS_VERSION,
    auth: 'optional',
    handle: getBooking,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/reschedule',
    versions: BOOKINGS_VERSION,
    auth: 'optional',
    handle: rescheduleBooking,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/cancel',
    versions: BOOKINGS_VERSION,
    auth: 'optional',
    handle: cancelBooking,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/confirm',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: (context) => decide(context, true),
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/decline',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: (context) => decide(context, false),
  },
];
