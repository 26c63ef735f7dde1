import { addDays, wallClockAt, zonedToEpoch } from '@calcom-int/core';

/**
 * Gives tomorrow, in a time zone, as the UTC instants of its local midnight and the following midnight.
 *
 * @param timeZone The IANA time zone.
 * @param now The current instant.
 * @returns The start and end of tomorrow as ISO 8601 UTC strings, and its local date.
 */
export function tomorrowIn(timeZone: string, now: Date): { start: string; end: string; date: string } {
  const today = wallClockAt(now.getTime(), timeZone).date;
  const date = addDays(today, 1);
  return {
    start: new Date(zonedToEpoch(date, '00:00', timeZone)).toISOString(),
    end: new Date(zonedToEpoch(addDays(today, 2), '00:00', timeZone)).toISOString(),
    date,
  };
}

/**
 * Adds minutes to an ISO 8601 instant.
 *
 * @param iso The instant.
 * @param minutes The minutes to add.
 * @returns The new instant in UTC.
 */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
