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

/** An ISO 8601 time with an explicit offset or `Z`: what {@link toUtcIso} accepts from a string. */
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

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
  if (isCanonicalUtc(value)) {
    return value;
  }
  if (!OFFSET_TIME.test(value)) {
    return undefined;
  }
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** Days per month of a common year; February gains one in a leap year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Tells, without building a `Date`, whether a string is already what `new Date(value).toISOString()` would give back
 * for it: `YYYY-MM-DDTHH:mm:ss.sssZ` with a real calendar date and a time of day from 00:00:00.000 to 23:59:59.999.
 * Cal.com sends its timestamps in this form, so most conversions end here. Anything else (offsets, a lower-case `z`,
 * `24:00`, 30 February, which `Date` rolls over into March) is left to `Date`, so that the result is the same either
 * way.
 */
function isCanonicalUtc(value: string): boolean {
  if (
    value.length !== 24 ||
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 || // T
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58 ||
    value.charCodeAt(19) !== 46 || // .
    value.charCodeAt(23) !== 90 // Z
  ) {
    return false;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return (
    day <= (DAYS_IN_MONTH[month - 1] as number) + (leap ? 1 : 0) &&
    inRange(digits(value, 11, 2), 23) &&
    inRange(digits(value, 14, 2), 59) &&
    inRange(digits(value, 17, 2), 59) &&
    digits(value, 20, 3) >= 0
  );
}

/**
 * Reads a run of ASCII digits as a number.
 *
 * @returns The number, or -1 when a character is not a digit.
 */
function digits(value: string, start: number, length: number): number {
  let number = 0;
  for (let index = start; index < start + length; index += 1) {
    const code = value.charCodeAt(index) - 48;
    if (code < 0 || code > 9) {
      return -1;
    }
    number = number * 10 + code;
  }
  return number;
}

/**
 * Tells whether a number read by {@link digits} is from 0 to a maximum.
 *
 * @param number The number (-1 when it was not digits).
 */
function inRange(number: number, max: number): boolean {
  return number >= 0 && number <= max;
}

/** The message of a timestamp that cannot be read. */
const TIMESTAMP_MESSAGE = 'Expected an ISO 8601 timestamp with an offset or Z.';

/**
 * Schema of an ISO 8601 timestamp from the API, converted to an ISO 8601 UTC string. Each value is converted once
 * (the check and the conversion are one step), and a timestamp already in UTC form is checked without a `Date`.
 */
export const UtcTimestampSchema = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const utc = toUtcIso(dataset.value);
    if (utc === undefined) {
      addIssue({ message: TIMESTAMP_MESSAGE });
      return NEVER;
    }
    return utc;
  }),
);
