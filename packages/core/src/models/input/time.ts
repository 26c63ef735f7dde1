import * as v from 'valibot';
import { describeValue } from './describe-value';

/** An ISO 8601 date-time with an explicit offset or `Z` (RFC 3339): `2026-11-26T09:00:00Z`, `…T10:00+01:00`. */
const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** An ISO 8601 calendar date. */
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const TIME_FIX =
  'Use a time like "2026-11-26T09:00:00Z" or "2026-11-26T10:00:00+01:00" (convert a local time to UTC and add the Z).';
const DATE_OR_TIME_FIX = 'Use a date like "2026-11-26" (a whole UTC day) or a time like "2026-11-26T09:00:00Z".';

/**
 * Checks that an ISO 8601 date or date-time names a real calendar instant (no 2026-02-30, no 25:00, no +25:00).
 *
 * @param value The ISO 8601 date or date-time (already matching its pattern).
 * @returns Whether the value is a real instant.
 */
export function isRealInstant(value: string): boolean {
  const time = Date.parse(DATE_PATTERN.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return false;
  // Date.parse rolls 2026-02-30 over to March: compare the calendar date it kept.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const offsetMatch = /([+-])(\d{2}):(\d{2})$/.exec(value);
  const offsetMinutes = offsetMatch
    ? (offsetMatch[1] === '-' ? -1 : 1) * (Number(offsetMatch[2]) * 60 + Number(offsetMatch[3]))
    : 0;
  const local = new Date(time + offsetMinutes * 60_000);
  return local.getUTCFullYear() === year && local.getUTCMonth() + 1 === month && local.getUTCDate() === day;
}

/**
 * A time: an ISO 8601 date-time with an explicit offset or `Z` that names a real instant, e.g. `2026-11-26T09:00:00Z`
 * or `2026-11-26T10:00:00+01:00`. A time without an offset is refused (it is ambiguous). The value is kept as given;
 * the client sends it in UTC.
 */
export const TimeInputSchema = v.pipe(
  v.string(
    (issue) => `expected an ISO 8601 time with an offset (a string), got ${describeValue(issue.input)}. ${TIME_FIX}`,
  ),
  v.regex(TIME_PATTERN, (issue) => `${describeValue(issue.input)} is not an ISO 8601 time with an offset. ${TIME_FIX}`),
  v.check(
    isRealInstant,
    (issue) => `${describeValue(issue.input)} is not a real time. Check the day of the month and the hour.`,
  ),
);

/** An ISO 8601 date or a date-time with an explicit offset or `Z`. */
const DATE_OR_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A range bound of the agent tools: an ISO 8601 date (`2026-11-26`, a whole UTC day) or a {@link TimeInputSchema}
 * time, naming a real day and instant.
 */
export const DateOrTimeInputSchema = v.pipe(
  v.string(
    (issue) => `expected an ISO 8601 date or time (a string), got ${describeValue(issue.input)}. ${DATE_OR_TIME_FIX}`,
  ),
  v.regex(
    DATE_OR_TIME_PATTERN,
    (issue) => `${describeValue(issue.input)} is not an ISO 8601 date or time with an offset. ${DATE_OR_TIME_FIX}`,
  ),
  v.check(
    isRealInstant,
    (issue) => `${describeValue(issue.input)} is not a real date. Check the day of the month and the hour.`,
  ),
);

/**
 * Tells what is wrong with a range, if anything: the end must be after the start and, when `maxDays` is given, at most
 * that many days later. The one range rule of the client (`slots.list`, `availability.list`, `bookings.create`) and the
 * agent tools.
 *
 * @param start The start (a valid ISO 8601 time).
 * @param end The end (a valid ISO 8601 time).
 * @param maxDays The longest range allowed, in days, if any.
 * @param shown The values as the caller wrote them, when they differ from `start` and `end` (a bare date `2026-11-26`
 *   read as a time): the message quotes these.
 * @returns The problem and its fix, or `undefined` when the range is fine.
 */
export function rangeProblem(
  start: string,
  end: string,
  maxDays?: number,
  shown: { readonly start: string; readonly end: string } = { start, end },
): string | undefined {
  const startTime = Date.parse(start);
  const endTime = Date.parse(end);
  if (endTime <= startTime) {
    return `${shown.end} is not after the start ${shown.start}. Pass an end later than the start (swap them or fix the date).`;
  }
  if (maxDays !== undefined && endTime - startTime > maxDays * 86_400_000) {
    return `${shown.start} to ${shown.end} is longer than ${maxDays === 1 ? 'one day' : `${maxDays} days`}. Ask for a shorter range and page through it.`;
  }
  return undefined;
}
