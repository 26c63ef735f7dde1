import * as v from 'valibot';

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_OR_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Checks that a string names a real calendar instant (no 2026-02-30, no 25:00).
 *
 * @param value The ISO 8601 date or date-time.
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

/** ISO 8601 date-time with an explicit offset or `Z`, e.g. `2026-11-26T09:00:00Z`. */
export const DateTimeSchema = v.pipe(
  v.string('must be a string: an ISO 8601 date-time such as 2026-11-26T09:00:00Z'),
  v.regex(
    DATE_TIME_PATTERN,
    'must be an ISO 8601 date-time with an explicit offset or Z, e.g. 2026-11-26T09:00:00Z or 2026-11-26T10:00:00+01:00 (convert local times to UTC, add the Z)',
  ),
  v.check(
    (value) => !DATE_TIME_PATTERN.test(value) || isRealInstant(value),
    'is not a real date-time (check the day of the month and the hour)',
  ),
);

/** ISO 8601 date (`2026-11-26`, a whole UTC day) or date-time with an explicit offset or `Z`. */
export const DateOrDateTimeSchema = v.pipe(
  v.string('must be a string: an ISO 8601 date (2026-11-26) or date-time (2026-11-26T09:00:00Z)'),
  v.regex(
    DATE_OR_DATE_TIME_PATTERN,
    'must be an ISO 8601 date such as 2026-11-26 or a date-time with an explicit offset or Z such as 2026-11-26T09:00:00Z',
  ),
  v.check(
    (value) => !DATE_OR_DATE_TIME_PATTERN.test(value) || isRealInstant(value),
    'is not a real date (check the day of the month and the hour)',
  ),
);

/**
 * Turns a range bound into an ISO 8601 date-time. A bare date as `start` is 00:00 UTC. As `end` it is the end of that
 * UTC day as an exclusive instant, the next day's 00:00 (for bounds of periods: bookings ending at or before it, free
 * periods cut there). As `lastStart` it is `23:59:59Z` of that day, Cal.com's own meaning of a bare `end` date on
 * `GET /v2/slots` (docs/CALCOM-API.md §7.3): the last instant a slot may start, so the next day's 00:00 is not
 * included. Date-times are kept as given.
 *
 * @param value The ISO 8601 date or date-time.
 * @param bound Whether the value starts the range, ends it (periods) or is the last allowed start (slots).
 * @returns The ISO 8601 date-time.
 */
export function toRangeBound(value: string, bound: 'start' | 'end' | 'lastStart'): string {
  if (!DATE_PATTERN.test(value)) return value;
  if (bound === 'lastStart') return `${value}T23:59:59Z`;
  const start = Date.parse(`${value}T00:00:00Z`);
  return new Date(bound === 'start' ? start : start + 86_400_000).toISOString().replace('.000Z', 'Z');
}
