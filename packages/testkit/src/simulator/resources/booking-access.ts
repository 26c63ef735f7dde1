import type { BookingOutput } from '../../dto/booking';
import { type RouteContext, requireUser } from '../context';
import { badRequestError, forbiddenError, notFoundError } from '../http-error';
import type { SimulatorData, SimulatorUser } from '../types';

// What the routes under one booking (`/v2/bookings/{uid}/…`) share: the versions, the owner check and the refusals.

/** The bookings API versions that serve the routes under one booking. */
export const BOOKINGS_VERSION = ['2024-08-13', '2026-02-25'] as const;

/** The booking of the path, which the caller must host (Cal.com's `BookingUidGuard` and the owner checks). */
export function ownBooking(context: RouteContext): BookingOutput {
  const user: SimulatorUser = requireUser(context);
  const booking = context.data.bookings.find((candidate) => candidate.uid === context.params.bookingUid);
  if (booking === undefined) throw notFoundError(`Booking with uid=${context.params.bookingUid} not found`);
  if (!booking.hosts.some((host) => host.id === user.id)) {
    throw forbiddenError(`User with id=${user.id} is not the host of booking with uid=${booking.uid}`);
  }
  return booking;
}

/** Refuses to change a cancelled or rejected booking. */
export function requireActive(booking: BookingOutput, action: string): void {
  if (booking.status === 'cancelled' || booking.status === 'rejected') {
    throw badRequestError(`Booking with uid=${booking.uid} is ${booking.status}; cannot ${action}.`);
  }
}

/** Marks the booking as updated now. */
export function touch(context: RouteContext, booking: BookingOutput): void {
  booking.updatedAt = context.now.toISOString();
}

/** Whether the user hosts the booking. */
export function isHost(booking: BookingOutput, user: SimulatorUser): boolean {
  return booking.hosts.some((host) => host.id === user.id);
}

/** A booking is visible to its hosts and, for a team event type, to the members of that team. */
export function canSee(data: SimulatorData, booking: BookingOutput, user: SimulatorUser): boolean {
  if (isHost(booking, user)) return true;
  const teamId = teamOfBooking(data, booking);
  return teamId !== undefined && data.memberships.some((entry) => entry.teamId === teamId && entry.userId === user.id);
}

/** The team of a booking's event type, or `undefined` for a personal event type. */
export function teamOfBooking(data: SimulatorData, booking: BookingOutput): number | undefined {
  return data.teamEventTypes.find((candidate) => candidate.id === booking.eventTypeId)?.teamId;
}
