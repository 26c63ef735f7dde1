import { IdInputSchema, UidInputSchema } from '@calcom-int/core/schemas';

/** Numeric Cal.com id (event type, user, team): core's id rule, the same object. */
export const NumericIdSchema = IdInputSchema;

/** Booking uid (Cal.com addresses bookings by uid, not by the numeric id): core's uid rule, the same object. */
export const BookingUidSchema = UidInputSchema;

/** A Cal.com username: core's username rule, the same object. */
export { UsernameInputSchema as UsernameSchema } from '@calcom-int/core/schemas';
