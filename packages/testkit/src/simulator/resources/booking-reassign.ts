import type { BookingOutput } from '../../dto/booking';
import type { TeamEventTypeOutput } from '../../dto/event-type';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { badRequestError, notFoundError } from '../http-error';
import { bookingHost, freeRoundRobinHosts, pickRoundRobinHost } from '../team-scheduling';
import type { SimulatorUser } from '../types';
import { validateBody } from '../validation';
import { BOOKINGS_VERSION, isHost } from './booking-access';
import { NOT_AVAILABLE_MESSAGE } from './bookings';

// `POST /v2/bookings/{uid}/reassign` and `…/reassign/{userId}`: round-robin bookings move to another free host.

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

/** Reassigning round-robin bookings. */
export const bookingReassignRoutes: Route[] = [
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
];
