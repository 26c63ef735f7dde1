import * as v from 'valibot';
import { checkTimeZone } from './time-zone';

/**
 * Checks whether a string names a time zone under calcom-int's one rule ({@link checkTimeZone}): an IANA name in any
 * case (`Europe/Rome`, `america/new_york`, `UTC`) or a legacy link (`US/Eastern`); abbreviations (`CET`, `EST`),
 * `GMT` and offsets (`+01:00`, `Etc/GMT+5`) are refused. Use {@link canonicalTimeZone} for the name to send.
 *
 * @param timeZone The time zone name.
 * @returns Whether the rule accepts the name.
 */
export function isValidTimeZone(timeZone: string): boolean {
  return checkTimeZone(timeZone).ok;
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
