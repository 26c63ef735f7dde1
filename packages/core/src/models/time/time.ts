import * as v from 'valibot';

/**
 * Checks whether a string is an IANA time zone name this runtime knows (e.g. `Europe/Rome`, `UTC`).
 *
 * Hint: the name must be in `Intl.supportedValuesOf('timeZone')` or be an IANA-style alias (such as `UTC` or
 * `Etc/GMT+1`) that `Intl.DateTimeFormat` accepts. Raw offsets such as `+01:00` are refused.
 *
 * @param timeZone The time zone name.
 * @returns Whether the name is a valid IANA time zone.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  return true;
}

/**
 * Converts a time with an explicit offset (or `Z`), or a `Date`, to an ISO 8601 UTC string.
 *
 * @param value The time to convert.
 * @returns The ISO 8601 UTC string, or `undefined` when the value is not a valid time with an offset.
 */
export function toUtcIso(value: string | Date): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    return undefined;
  }
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** Schema of an ISO 8601 timestamp from the API, converted to an ISO 8601 UTC string. */
export const UtcTimestampSchema = v.pipe(
  v.string(),
  v.check((value) => toUtcIso(value) !== undefined, 'Expected an ISO 8601 timestamp with an offset or Z.'),
  v.transform((value) => toUtcIso(value) ?? value),
);
