import { type BookingOutput, LOCALES } from '../../dto/booking';
import type { EventTypeOutput, TeamEventTypeOutput } from '../../dto/event-type';
import { buildPagination } from '../../fixtures/envelope';
import { BOOKING_LIST_SORT_ORDERS, BOOKING_LIST_STATUSES } from '../../generated/spec-facts.generated';
import { freeSlotStarts } from '../availability';
import { bookingLocation, requireAnswers } from '../booking-create-fields';
import { createBookingRecord } from '../booking-record';
import { afterCreate, beforeCreate, cancelSeriesOrSeat, getSeries, presentBooking } from '../booking-series';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { badRequestError, forbiddenError, notFoundError } from '../http-error';
import {
  assignTeamHosts,
  type Bookable,
  bookableById,
  bookingHost,
  freeRoundRobinHosts,
  pickRoundRobinHost,
  refuseOrganizationSlug,
  teamEventTypeBySlug,
} from '../team-scheduling';
import type { SimulatorData, SimulatorUser } from '../types';
import { validateBody, validateQuery } from '../validation';

const BOOKINGS_VERSION = ['2024-08-13', '2026-02-25'] as const;

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

function isHost(booking: BookingOutput, user: SimulatorUser): boolean {
  return booking.hosts.some((host) => host.id === user.id);
}

/** A booking is visible to its hosts and, for a team event type, to the members of that team. */
function canSee(data: SimulatorData, booking: BookingOutput, user: SimulatorUser): boolean {
  if (isHost(booking, user)) return true;
  const teamId = teamOfBooking(data, booking);
  return teamId !== undefined && data.memberships.some((entry) => entry.teamId === teamId && entry.userId === user.id);
}

function hostBooking(context: RouteContext): BookingOutput {
  const user = requireUser(context);
  const booking = context.data.bookings.find((candidate) => candidate.uid === context.params.bookingUid);
  if (booking === undefined) throw notFoundError(`Booking with uid=${context.params.bookingUid} not found`);
  if (!isHost(booking, user)) {
    throw forbiddenError(`User with id=${user.id} is not the host of booking with uid=${booking.uid}`);
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

function matchesStatus(booking: BookingOutput, filters: readonly string[], now: number): boolean {
  const end = Date.parse(booking.end);
  const closed = booking.status === 'cancelled' || booking.status === 'rejected';
  return filters.some((filter) => {
    if (filter === 'upcoming') return end >= now && !closed;
    if (filter === 'past') return end < now && !closed;
    if (filter === 'cancelled') return closed;
    if (filter === 'unconfirmed') return end >= now && booking.status === 'pending';
    if (filter === 'recurring') return end >= now && !closed && 'recurringBookingUid' in booking;
    return false;
  });
}

/**
 * The teams asked for by `teamId` and `teamsIds` (comma-separated ids); a booking must belong to one of them.
 *
 * @param query The validated query.
 * @returns The team ids, or `undefined` without a team filter.
 */
function teamFilter(query: Record<string, unknown>): number[] | undefined {
  const ids = query.teamId === undefined ? [] : [query.teamId as number];
  if (query.teamsIds !== undefined) {
    for (const entry of (query.teamsIds as string).split(',')) {
      const id = Number(entry.trim());
      if (!Number.isInteger(id) || id < 1) {
        throw badRequestError(`teamsIds must be team ids separated by a comma (e.g. 50,60); "${entry}" is not an id.`);
      }
      ids.push(id);
    }
  }
  return query.teamId === undefined && query.teamsIds === undefined ? undefined : ids;
}

/** The team of a booking's event type, or `undefined` for a personal event type. */
function teamOfBooking(data: SimulatorData, booking: BookingOutput): number | undefined {
  return data.teamEventTypes.find((candidate) => candidate.id === booking.eventTypeId)?.teamId;
}

function listBookings(context: RouteContext) {
  const user = requireUser(context);
  const query = validateQuery(context.query, {
    status: { type: 'array', items: { type: 'enum', values: BOOKING_LIST_STATUSES } },
    attendeeEmail: { type: 'string' },
    attendeeName: { type: 'string' },
    bookingUid: { type: 'string' },
    eventTypeId: { type: 'string' },
    eventTypeIds: { type: 'string' },
    teamId: { type: 'integer', min: 1 },
    teamsIds: { type: 'string' },
    afterStart: { type: 'date' },
    beforeEnd: { type: 'date' },
    afterCreatedAt: { type: 'date' },
    beforeCreatedAt: { type: 'date' },
    afterUpdatedAt: { type: 'date' },
    beforeUpdatedAt: { type: 'date' },
    sortStart: { type: 'enum', values: BOOKING_LIST_SORT_ORDERS },
    sortEnd: { type: 'enum', values: BOOKING_LIST_SORT_ORDERS },
    sortCreated: { type: 'enum', values: BOOKING_LIST_SORT_ORDERS },
    sortUpdatedAt: { type: 'enum', values: BOOKING_LIST_SORT_ORDERS },
    take: { type: 'integer', min: 1, max: 250 },
    skip: { type: 'integer', min: 0 },
  });
  const now = context.now.getTime();
  const eventTypeIds = [query.eventTypeId, query.eventTypeIds]
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => value.split(',').map((entry) => Number(entry.trim())));
  const teamIds = teamFilter(query);
  const attendeeEmail = (query.attendeeEmail as string | undefined)?.toLowerCase();
  const attendeeName = (query.attendeeName as string | undefined)?.toLowerCase();
  const time = (value: unknown) => Date.parse(value as string);
  const matches = context.data.bookings.filter((booking) => {
    if (!canSee(context.data, booking, user)) return false;
    if (query.status !== undefined && !matchesStatus(booking, query.status as string[], now)) return false;
    if (
      attendeeEmail !== undefined &&
      !booking.attendees.some((entry) => entry.email.toLowerCase() === attendeeEmail)
    ) {
      return false;
    }
    if (
      attendeeName !== undefined &&
      !booking.attendees.some((entry) => entry.name.toLowerCase().includes(attendeeName))
    ) {
      return false;
    }
    if (query.bookingUid !== undefined && booking.uid !== query.bookingUid) return false;
    if (eventTypeIds.length > 0 && !eventTypeIds.includes(booking.eventTypeId)) return false;
    if (query.afterStart !== undefined && Date.parse(booking.start) < time(query.afterStart)) return false;
    if (query.beforeEnd !== undefined && Date.parse(booking.end) > time(query.beforeEnd)) return false;
    if (query.afterCreatedAt !== undefined && Date.parse(booking.createdAt) < time(query.afterCreatedAt)) return false;
    if (query.beforeCreatedAt !== undefined && Date.parse(booking.createdAt) > time(query.beforeCreatedAt))
      return false;
    if (query.afterUpdatedAt !== undefined && Date.parse(booking.updatedAt) < time(query.afterUpdatedAt)) return false;
    if (query.beforeUpdatedAt !== undefined && Date.parse(booking.updatedAt) > time(query.beforeUpdatedAt))
      return false;
    if (teamIds !== undefined && !teamIds.includes(teamOfBooking(context.data, booking) ?? Number.NaN)) return false;
    return true;
  });
  const sortKey = (['sortStart', 'sortEnd', 'sortCreated', 'sortUpdatedAt'] as const).find(
    (key) => query[key] !== undefined,
  );
  const field = { sortStart: 'start', sortEnd: 'end', sortCreated: 'createdAt', sortUpdatedAt: 'updatedAt' } as const;
  const direction = sortKey !== undefined && query[sortKey] === 'desc' ? -1 : 1;
  const key = field[sortKey ?? 'sortStart'];
  matches.sort((left, right) => direction * (Date.parse(left[key]) - Date.parse(right[key]) || left.id - right.id));
  const take = (query.take as number | undefined) ?? 100;
  const skip = (query.skip as number | undefined) ?? 0;
  return {
    status: 200,
    body: {
      status: 'success',
      data: matches.slice(skip, skip + take).map((booking) => presentBooking(context, booking)),
      pagination: buildPagination({ totalItems: matches.length, take, skip }),
    },
  };
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
  const booking = hostBooking(context);
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

/** A round-robin booking the caller may reassign, with its team event type. */
interface Reassignable {
  booking: BookingOutput;
  eventType: TeamEventTypeOutput;
}

/**
 * Finds a booking to reassign: 404 when unknown or invisible to the caller (neither its host nor a member of its
 * team), 400 when it is not a round-robin booking or no longer active.
 */
function reassignable(context: RouteContext): Reassignable {
  const user = requireUser(context);
  const booking = context.data.bookings.find((candidate) => candidate.uid === context.params.bookingUid);
  const eventType = context.data.teamEventTypes.find((candidate) => candidate.id === booking?.eventTypeId);
  const member =
    eventType !== undefined &&
    context.data.memberships.some((entry) => entry.teamId === eventType.teamId && entry.userId === user.id);
  if (booking === undefined || (!isHost(booking, user) && !member)) {
    throw notFoundError(`Booking with uid=${context.params.bookingUid} not found`);
  }
  if (eventType === undefined || eventType.schedulingType !== 'roundRobin') {
    throw badRequestError(
      `Booking with uid=${booking.uid} is not a round-robin booking; only bookings of round-robin team event types can be reassigned.`,
    );
  }
  if (booking.status === 'cancelled' || booking.status === 'rejected') {
    throw badRequestError(
      `Booking with uid=${booking.uid} is ${booking.status}; only active bookings can be reassigned.`,
    );
  }
  return { booking, eventType };
}

/** Replaces the booking's round-robin host with `next` and answers `ReassignBookingOutput_2024_08_13`. */
function reassignTo(context: RouteContext, { booking, eventType }: Reassignable, next: SimulatorUser) {
  const mandatory = new Set(eventType.hosts.filter((host) => host.mandatory === true).map((host) => host.userId));
  booking.hosts = [...booking.hosts.filter((host) => mandatory.has(host.id)), bookingHost(next)];
  booking.updatedAt = context.now.toISOString();
  const { id, name, email, displayEmail } = bookingHost(next);
  return ok({ bookingUid: booking.uid, reassignedTo: { id, name, email, displayEmail } });
}

function freeOthers(context: RouteContext, target: Reassignable): SimulatorUser[] {
  const { booking, eventType } = target;
  return freeRoundRobinHosts(context.data, eventType, Date.parse(booking.start), context.now.getTime(), {
    lengthInMinutes: booking.duration,
  }).filter((user) => !isHost(booking, user));
}

function reassignAutomatically(context: RouteContext) {
  const target = reassignable(context);
  const next = pickRoundRobinHost(context.data, target.eventType, freeOthers(context, target));
  if (next === undefined) {
    throw badRequestError(
      `No other host of event type ${target.eventType.id} is free at ${target.booking.start}; the booking keeps its host.`,
    );
  }
  return reassignTo(context, target, next);
}

function reassignToUser(context: RouteContext) {
  const target = reassignable(context);
  validateBody(context.body, { reason: { type: 'string' } });
  const userId = Number(context.params.userId);
  if (!target.eventType.hosts.some((host) => host.userId === userId)) {
    throw badRequestError(
      `userId ${context.params.userId} is not a host of event type ${target.eventType.id}; pick one of ${target.eventType.hosts.map((host) => host.userId).join(', ')}.`,
    );
  }
  if (target.booking.hosts.some((host) => host.id === userId)) {
    throw badRequestError(`User with id=${userId} already hosts booking with uid=${target.booking.uid}.`);
  }
  const next = freeOthers(context, target).find((user) => user.id === userId);
  if (next === undefined) throw badRequestError(NOT_AVAILABLE_MESSAGE);
  return reassignTo(context, target, next);
}

/** Bookings (`cal-api-version: 2024-08-13`; `2026-02-25` uses the same DTOs). */
export const bookingRoutes: Route[] = [
  { method: 'GET', pattern: '/v2/bookings', versions: BOOKINGS_VERSION, auth: 'required', handle: listBookings },
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
    pattern: '/v2/bookings/:bookingUid/reassign',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: reassignAutomatically,
  },
  {
    method: 'POST',
    pattern: '/v2/bookings/:bookingUid/reassign/:userId',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: reassignToUser,
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
