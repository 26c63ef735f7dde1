import type { SlotOutput, SlotsOutput } from '../../dto/slots';
import { type FreeSlotOptions, freeSlotStarts } from '../availability';
import { ok, type Route, type RouteContext } from '../context';
import { badRequestError, notFoundError, SimulatorHttpError } from '../http-error';
import { generateUid } from '../random';
import { seatedSlotFields } from '../seat-availability';
import {
  type Bookable,
  bookableById,
  DYNAMIC_EVENT_MINUTES,
  dynamicFreeSlotStarts,
  refuseOrganizationSlug,
  teamEventTypeBySlug,
  teamFreeSlotStarts,
} from '../team-scheduling';
import { formatInZone, localDate } from '../time-zone';
import type { SimulatorUser, StoredReservation } from '../types';
import { type Shape, validateBody, validateQuery } from '../validation';

const SLOTS_VERSION = ['2024-09-04'] as const;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The body of `POST /v2/slots/reservations` and of `PATCH /v2/slots/reservations/{uid}` (docs/CALCOM-API.md §7.3).
 */
const RESERVATION_SHAPE: Shape = {
  eventTypeId: { type: 'integer', required: true },
  slotStart: { type: 'date', required: true },
  slotDuration: { type: 'integer', min: 1 },
  reservationDuration: { type: 'integer', min: 1 },
};

function parseBoundary(value: string, end: boolean): number {
  return Date.parse(BARE_DATE.test(value) ? `${value}T${end ? '23:59:59.000' : '00:00:00.000'}Z` : value);
}

/** What a slots query or reservation is about: a bookable event type, or a dynamic group of users. */
export type SlotsTarget = Bookable | { kind: 'dynamic'; users: SimulatorUser[] };

function userByName(context: RouteContext, username: string, parameter: string): SimulatorUser {
  const user = context.data.users.find((candidate) => candidate.username === username);
  if (user === undefined) throw notFoundError(`${parameter}: user with username ${username} not found.`);
  return user;
}

function eventTypeFor(context: RouteContext, query: Record<string, unknown>): SlotsTarget {
  refuseOrganizationSlug(query.organizationSlug);
  if (query.eventTypeId !== undefined) {
    const bookable = bookableById(context.data, query.eventTypeId);
    if (bookable === undefined) throw notFoundError(`Event type with id ${String(query.eventTypeId)} not found.`);
    return bookable;
  }
  if (query.eventTypeSlug !== undefined && query.teamSlug !== undefined) {
    return teamEventTypeBySlug(context.data, query.eventTypeSlug as string, query.teamSlug as string);
  }
  if (query.eventTypeSlug !== undefined && query.username !== undefined) {
    const owner = context.data.users.find((user) => user.username === query.username);
    const eventType = context.data.eventTypes.find(
      (candidate) => candidate.ownerId === owner?.id && candidate.slug === query.eventTypeSlug,
    );
    if (eventType === undefined) {
      throw notFoundError(
        `Event type with slug ${String(query.eventTypeSlug)} belonging to user ${String(query.username)} not found.`,
      );
    }
    return { kind: 'personal', eventType };
  }
  if (query.usernames !== undefined) {
    const names = (query.usernames as string[]).filter((name) => name !== '');
    if (names.length < 2) {
      throw badRequestError(
        'usernames must name at least 2 users separated by a comma (a dynamic group); for one user pass eventTypeSlug with username.',
      );
    }
    return { kind: 'dynamic', users: names.map((name) => userByName(context, name, 'usernames')) };
  }
  throw badRequestError(
    'Either eventTypeId, eventTypeSlug with username or teamSlug, or usernames (at least 2) must be provided.',
  );
}

function bookableFor(context: RouteContext, eventTypeId: unknown): Bookable {
  const target = eventTypeFor(context, { eventTypeId });
  if (target.kind === 'dynamic') throw notFoundError(`Event type with id ${String(eventTypeId)} not found.`);
  return target;
}

function targetSlotStarts(
  context: RouteContext,
  target: SlotsTarget,
  rangeStart: number,
  rangeEnd: number,
  options: FreeSlotOptions & { lengthInMinutes: number },
): number[] {
  const now = context.now.getTime();
  if (target.kind === 'dynamic') {
    return dynamicFreeSlotStarts(context.data, target.users, rangeStart, rangeEnd, now, options.lengthInMinutes);
  }
  if (target.kind === 'team') {
    return teamFreeSlotStarts(context.data, target.eventType, rangeStart, rangeEnd, now, options);
  }
  return freeSlotStarts(context.data, target.eventType, rangeStart, rangeEnd, now, options);
}

/**
 * The slots of a target as `GET /v2/slots` answers them (also the `slots` of a routing form's calculate-slots).
 *
 * @param context The route context.
 * @param target The event type (or dynamic group).
 * @param query The validated query: `start`, `end`, and optionally `timeZone`, `duration`, `format`,
 *   `bookingUidToReschedule`.
 * @returns The slots by local date.
 */
export function slotsOf(context: RouteContext, target: SlotsTarget, query: Record<string, unknown>): SlotsOutput {
  const rangeStart = parseBoundary(query.start as string, false);
  const rangeEnd = parseBoundary(query.end as string, true);
  if (rangeEnd < rangeStart) throw badRequestError('The end date must be after the start date.');
  const timeZone = (query.timeZone as string | undefined) ?? 'UTC';
  const length =
    (query.duration as number | undefined) ??
    (target.kind === 'dynamic' ? DYNAMIC_EVENT_MINUTES : target.eventType.lengthInMinutes);
  const starts = targetSlotStarts(context, target, rangeStart, rangeEnd, {
    lengthInMinutes: length,
    ...(query.bookingUidToReschedule === undefined ? {} : { ignoreBookingUid: query.bookingUidToReschedule as string }),
  });
  const slots: SlotsOutput = {};
  for (const start of starts) {
    const slot: SlotOutput = { start: formatInZone(start, timeZone) };
    if (query.format === 'range') slot.end = formatInZone(start + length * 60_000, timeZone);
    if (target.kind !== 'dynamic') Object.assign(slot, seatedSlotFields(context.data, target.eventType, start));
    const date = localDate(start, timeZone);
    slots[date] = [...(slots[date] ?? []), slot];
  }
  return slots;
}

function findReservation(context: RouteContext): StoredReservation {
  const reservation = context.data.reservations.find((candidate) => candidate.reservationUid === context.params.uid);
  if (reservation === undefined) throw notFoundError(`Reserved slot with uid=${context.params.uid} not found`);
  return reservation;
}

function publicReservation(reservation: StoredReservation) {
  const { createdByUserId: _owner, ...output } = reservation;
  return output;
}

/** Slots and slot reservations (`cal-api-version: 2024-09-04`). */
export const slotRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/slots',
    versions: SLOTS_VERSION,
    auth: 'optional',
    handle(context) {
      const query = validateQuery(context.query, {
        start: { type: 'date', required: true },
        end: { type: 'date', required: true },
        eventTypeId: { type: 'integer' },
        eventTypeSlug: { type: 'string' },
        username: { type: 'string' },
        teamSlug: { type: 'string' },
        organizationSlug: { type: 'string' },
        usernames: { type: 'array' },
        timeZone: { type: 'timeZone' },
        duration: { type: 'integer', min: 1 },
        format: { type: 'enum', values: ['range', 'time'] },
        bookingUidToReschedule: { type: 'string' },
      });
      return ok(slotsOf(context, eventTypeFor(context, query), query));
    },
  },
  {
    method: 'POST',
    pattern: '/v2/slots/reservations',
    versions: SLOTS_VERSION,
    auth: 'optional',
    handle(context) {
      const input = validateBody(context.body, RESERVATION_SHAPE);
      const target = bookableFor(context, input.eventTypeId);
      const eventType = target.eventType;
      const start = Date.parse(input.slotStart as string);
      const duration = (input.slotDuration as number | undefined) ?? eventType.lengthInMinutes;
      const free = targetSlotStarts(context, target, start, start, { lengthInMinutes: duration });
      if (!free.includes(start)) {
        throw new SimulatorHttpError(
          422,
          'UnprocessableEntityException',
          "Can't reserve a slot that is not available.",
        );
      }
      const reservationDuration = (input.reservationDuration as number | undefined) ?? 5;
      const reservation: StoredReservation = {
        eventTypeId: eventType.id,
        slotStart: new Date(start).toISOString(),
        slotEnd: new Date(start + duration * 60_000).toISOString(),
        slotDuration: duration,
        reservationUid: generateUid(context.data.random),
        reservationDuration,
        reservationUntil: new Date(context.now.getTime() + reservationDuration * 60_000).toISOString(),
        createdByUserId: context.user?.id ?? null,
      };
      context.data.reservations.push(reservation);
      return ok(publicReservation(reservation), 201);
    },
  },
  {
    method: 'GET',
    pattern: '/v2/slots/reservations/:uid',
    versions: SLOTS_VERSION,
    auth: 'optional',
    handle: (context) => ok(publicReservation(findReservation(context))),
  },
  {
    method: 'PATCH',
    pattern: '/v2/slots/reservations/:uid',
    versions: SLOTS_VERSION,
    auth: 'optional',
    handle(context) {
      const reservation = findReservation(context);
      const input = validateBody(context.body, RESERVATION_SHAPE);
      const start = Date.parse(input.slotStart as string);
      const duration = (input.slotDuration as number | undefined) ?? reservation.slotDuration;
      const reservationDuration = (input.reservationDuration as number | undefined) ?? reservation.reservationDuration;
      Object.assign(reservation, {
        eventTypeId: input.eventTypeId as number,
        slotStart: new Date(start).toISOString(),
        slotEnd: new Date(start + duration * 60_000).toISOString(),
        slotDuration: duration,
        reservationDuration,
        reservationUntil: new Date(context.now.getTime() + reservationDuration * 60_000).toISOString(),
      });
      return ok(publicReservation(reservation));
    },
  },
  {
    method: 'DELETE',
    pattern: '/v2/slots/reservations/:uid',
    versions: SLOTS_VERSION,
    auth: 'optional',
    handle(context) {
      const reservation = findReservation(context);
      context.data.reservations.splice(context.data.reservations.indexOf(reservation), 1);
      return { status: 200, body: { status: 'success' } };
    },
  },
];
