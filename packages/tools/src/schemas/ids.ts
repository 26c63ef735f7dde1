import * as v from 'valibot';

/** The largest id Cal.com stores (a signed 32-bit integer column). */
const MAX_ID = 2_147_483_647;

/**
 * Numeric Cal.com id (event type, user, team).
 *
 * @param source Where a valid id comes from, for the error message.
 * @returns The id schema.
 */
export function numericIdSchema(source: string) {
  return v.pipe(
    v.number(`must be a number (not a string): the numeric id from ${source}`),
    v.integer(`must be a whole number: the numeric id from ${source}`),
    v.minValue(1, `must be a positive id from ${source}`),
    v.maxValue(MAX_ID, `is too large for a Cal.com id; use the id from ${source}`),
  );
}

/** Booking uid (Cal.com addresses bookings by uid, not by the numeric id). */
export const BookingUidSchema = v.pipe(
  v.string('must be a string: the booking uid from list_bookings or create_booking'),
  v.regex(
    /^[A-Za-z0-9_-]{1,100}$/,
    'must be a booking uid (letters, digits, - and _) as returned by list_bookings or create_booking; never invent one',
  ),
);
