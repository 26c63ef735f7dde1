import { type CalComEvent, toBookingConfirmation } from '../../models/booking';
import type { BookingResult, CancellationResult } from './booking-types';

/**
 * Builds the result of a created or rescheduled booking.
 *
 * @param verifiedByReadBack Whether the booking was found by looking it up after Cal.com's answer was lost.
 */
export function bookingResult(baseUrl: string, booking: CalComEvent, verifiedByReadBack = false): BookingResult {
  return {
    booking,
    confirmation: toBookingConfirmation(booking, manageUrlFor(baseUrl, booking.uid)),
    verifiedByReadBack,
  };
}

/**
 * Builds the web URL where a booking is managed, for the hosted Cal.com regions.
 *
 * @returns The URL, or `undefined` for self-hosted instances.
 */
export function manageUrlFor(baseUrl: string, uid: string): string | undefined {
  const host = new URL(baseUrl).host;
  if (host === 'api.cal.com') return `https://app.cal.com/booking/${encodeURIComponent(uid)}`;
  if (host === 'api.cal.eu') return `https://app.cal.eu/booking/${encodeURIComponent(uid)}`;
  return undefined;
}

export function cancellation(
  booking: CalComEvent,
  alreadyCancelled: boolean,
  verifiedByReadBack: boolean,
  reason?: string,
): CancellationResult {
  return {
    uid: booking.uid,
    status: 'cancelled',
    reason: reason ?? booking.cancellationReason ?? null,
    alreadyCancelled,
    verifiedByReadBack,
    booking,
  };
}
