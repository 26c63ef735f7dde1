import type { BookingOutput } from '../../dto/booking';
import { buildPagination } from '../../fixtures/envelope';
import { BOOKING_LIST_SORT_ORDERS, BOOKING_LIST_STATUSES } from '../../generated/spec-facts.generated';
import { presentBooking } from '../booking-series';
import { type Route, type RouteContext, requireUser } from '../context';
import { badRequestError } from '../http-error';
import { validateQuery } from '../validation';
import { BOOKINGS_VERSION, canSee, teamOfBooking } from './booking-access';

// `GET /v2/bookings`: every documented filter and sort honoured (the parameters contract test proves each one).

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

/** The bookings list. */
export const bookingListRoutes: Route[] = [
  { method: 'GET', pattern: '/v2/bookings', versions: BOOKINGS_VERSION, auth: 'required', handle: listBookings },
];
