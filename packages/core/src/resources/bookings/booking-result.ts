import { type CalComEvent, toBookingConfirmation } from '../../models/booking';
import type { BookingResult, CancellationResult } from './booking-types';

/**
 * Builds the result of a created or rescheduled booking.
 *
 * @param baseUrl The API base URL.
 * @param booking The booking.
 * @param verifiedByReadBack Whether the booking was found by looking it up after Cal.com's answer was lost.
 * @returns The booking, its confirmation and how it was confirmed.
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
 * @param baseUrl The API base URL.
 * @param uid The booking UID.
 * @returns The URL, or `undefined` for self-hosted instances.
 */
export function manageUrlFor(baseUrl: string, uid: string): string | undefined {
  const host = new URL(baseUrl).host;
  if (host === 'api.cal.com') return `https://app.cal.com/booking/${encodeURIComponent(uid)}`;
  if (host === 'api.cal.eu') return `https://app.cal.eu/booking/${encodeURIComponent(uid)}`;
  return undefined;
}

/**
 * Builds the result of a cancel.
 *
 * @param booking The cancelled booking.
 * @param alreadyCancelled Whether it was cancelled before this call.
 * @param verifiedByReadBack Whether the cancel was confirmed by reading the booking back.
 * @param reason The reason sent, if any.
 * @returns The cancellation result.
 */
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
