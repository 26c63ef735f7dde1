/**
 * Gives the offset of a time zone from UTC at an instant, in milliseconds.
 *
 * @param timeZone The IANA time zone.
 * @param instant The instant.
 * @returns The offset (local minus UTC).
 */
function offsetMs(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/**
 * Gives tomorrow, in a time zone, as the UTC instants of its local midnight and the following midnight.
 *
 * @param timeZone The IANA time zone.
 * @param now The current instant.
 * @returns The start and end of tomorrow as ISO 8601 UTC strings, and its local date.
 */
export function tomorrowIn(timeZone: string, now: Date): { start: string; end: string; date: string } {
  const localNow = new Date(now.getTime() + offsetMs(timeZone, now.getTime()));
  const wallMidnight = (days: number) =>
    Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate() + days);
  const toInstant = (wall: number) => new Date(wall - offsetMs(timeZone, wall - offsetMs(timeZone, wall)));
  return {
    start: toInstant(wallMidnight(1)).toISOString(),
    end: toInstant(wallMidnight(2)).toISOString(),
    date: new Date(wallMidnight(1)).toISOString().slice(0, 10),
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
