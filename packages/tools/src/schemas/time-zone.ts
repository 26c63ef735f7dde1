import * as v from 'valibot';

const IANA_NAME_PATTERN = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/**
 * Checks that a string is an IANA time zone name that this runtime's `Intl` knows (`Europe/Rome`, `UTC`).
 *
 * @param value The candidate zone.
 * @returns Whether the zone is valid.
 */
export function isIanaTimeZone(value: string): boolean {
  if (!IANA_NAME_PATTERN.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** IANA time zone name validated with `Intl`, e.g. `Europe/Rome`. */
export const TimeZoneSchema = v.pipe(
  v.string('must be a string: an IANA time zone such as Europe/Rome'),
  v.check(
    isIanaTimeZone,
    'must be an IANA time zone name such as Europe/Rome, America/New_York or UTC (not an abbreviation like CET or an offset like +01:00)',
  ),
);
