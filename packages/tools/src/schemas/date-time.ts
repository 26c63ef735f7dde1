import { DateOrTimeInputSchema, TimeInputSchema } from '@calcom-int/core/schemas';

/** ISO 8601 date-time with an explicit offset or `Z`, e.g. `2026-11-26T09:00:00Z`: core's time rule, the same object. */
export const DateTimeSchema = TimeInputSchema;

/** ISO 8601 date (`2026-11-26`, a whole UTC day) or date-time with an explicit offset or `Z`: core's rule. */
export const DateOrDateTimeSchema = DateOrTimeInputSchema;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

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
