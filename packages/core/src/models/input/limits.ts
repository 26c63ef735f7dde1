/**
 * The limits of calcom-int's input rules, one constant per limit, shared by the client's checks and the agent tools'
 * schemas. Cal.com's OpenAPI document gives no lengths for these fields; where Cal.com documents a limit it is cited.
 */

/**
 * The largest numeric id accepted: the largest safe integer, the bound of the ids the client reads from answers, so an
 * id read from an answer can always be passed back.
 */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/** The longest uid or string id accepted (docs/CALCOM-API.md §7.5, §7.7). */
export const MAX_UID_LENGTH = 255;

/** The longest email address: RFC 5321's 256-octet path less its angle brackets. */
export const MAX_EMAIL_LENGTH = 254;

/** The longest part of an address before the `@` (RFC 5321 §4.5.3.1.1). */
export const MAX_EMAIL_LOCAL_PART_LENGTH = 64;

/** The longest name: a person's (an attendee's, the user's), an event type's title, a username. */
export const MAX_NAME_LENGTH = 255;

/** The longest free text for people: booking notes, a reason to cancel, decline or reschedule, a bio. */
export const MAX_NOTE_LENGTH = 5000;

/** The longest meeting in minutes: an event type lasts 1 to 1440 minutes (one day). */
export const MAX_LENGTH_IN_MINUTES = 1440;

/** The largest page `GET /v2/bookings` returns, and the default page size of `cal.bookings.list`. */
export const MAX_BOOKINGS_PAGE_SIZE = 100;

/** The longest range availability is computed over, in days (bounds memory and requests). */
export const MAX_AVAILABILITY_DAYS = 62;

/** The most keys of a booking's `metadata` (Cal.com's documented limit). */
export const MAX_METADATA_KEYS = 50;

/** The longest key of a booking's `metadata` (Cal.com's documented limit). */
export const MAX_METADATA_KEY_LENGTH = 40;

/** The longest text value of a booking's `metadata` (Cal.com's documented limit). */
export const MAX_METADATA_VALUE_LENGTH = 500;
